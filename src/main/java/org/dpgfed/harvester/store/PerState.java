package org.dpgfed.harvester.store;

import java.util.function.Supplier;

/**
 * A value made from the store's content and kept while the content stays ({@link TripleStore#state}):
 * made again at the first request after a change, once, those who ask meanwhile waiting for it.
 * The state is read before the value is made, so a value is never older than the state it is kept
 * under, and a write committing meanwhile makes the next request make it again.
 */
public final class PerState<T> {
  private record Made<T>(TripleStore.State state, T value) {}

  private final TripleStore store;
  private final Supplier<T> make;
  private volatile Made<T> made;

  public PerState(TripleStore store, Supplier<T> make) {
    this.store = store;
    this.make = make;
  }

  public T get() {
    TripleStore.State state = store.state();
    Made<T> now = made;
    if (now != null && now.state().equals(state)) {
      return now.value();
    }
    synchronized (this) {
      if (made == now) {
        made = new Made<>(state, make.get());
      }
      return made.value();
    }
  }
}
