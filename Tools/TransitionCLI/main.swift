print("transition")
