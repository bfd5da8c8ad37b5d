print("transition-bench")
