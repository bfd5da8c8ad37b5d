extension LogWriter {
  /// Runs `body` holding the log's exclusive lock, so that no other writer appends meanwhile:
  /// for a caller that reads the log and decides what to append from it (an `append` inside
  /// `body` takes the same lock again at once).
  ///
  /// Waits for another writer's lock as `append` does, and throws `lockTimeout` past the
  /// options' timeout. The lock is released when `append` returns inside `body`, or when
  /// `body` ends.
  public func whileLocked<T>(_ body: () throws -> T) throws -> T {
    do {
      try Self.lock(descriptor, options: options, path: path)
    } catch let error as LogWriteError {
      throw error
    } catch let error as FileError {
      throw LogWriteError.notWritten(error)
    }
    defer { options.fileOperations.unlock(descriptor) }
    return try body()
  }
}
