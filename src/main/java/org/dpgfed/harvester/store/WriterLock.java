package org.dpgfed.harvester.store;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time, so work prepared on the committed state is still true when it is
 * written: within this process, or (in a cluster) across every node that shares the store.
 * Taken and released by the same thread.
 */
public interface WriterLock {
  void lock();

  void unlock();

  /** The lock of a store only this process writes. */
  static WriterLock local() {
    ReentrantLock lock = new ReentrantLock();
    return new WriterLock() {
      @Override
      public void lock() {
        lock.lock();
      }

      @Override
      public void unlock() {
        lock.unlock();
      }
    };
  }
}
