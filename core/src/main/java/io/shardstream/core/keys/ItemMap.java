package io.shardstream.core.keys;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A keyed item: its properties in insertion order, held in two arrays sized for the item's known
 * shape. {@link EntityManager#addKeys} fills one per item by appending, with no hashing and no
 * entry objects (a {@code LinkedHashMap} copy with its puts was half of {@code addKeys}' time).
 * Lookups scan the names, which is cheap for an item's few dozen properties. A full, mutable map
 * otherwise: callers may put and remove as with any map (null names and values allowed).
 */
final class ItemMap extends AbstractMap<String, Object> {
  private String[] names;
  private Object[] values;
  private int size;

  ItemMap(int capacity) {
    this.names = new String[Math.max(capacity, 4)];
    this.values = new Object[names.length];
  }

  /** Adds a property the map does not hold yet (the caller knows it is new). */
  void append(String name, Object value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  private int indexOf(Object name) {
    for (int i = 0; i < size; i++) {
      if (Objects.equals(names[i], name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public Object get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public Object put(String name, Object value) {
    int i = indexOf(name);
    if (i < 0) {
      append(name, value);
      return null;
    }
    Object old = values[i];
    values[i] = value;
    return old;
  }

  @Override
  public Object remove(Object name) {
    int i = indexOf(name);
    if (i < 0) {
      return null;
    }
    Object old = values[i];
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    System.arraycopy(names, i + 1, names, i, size - i - 1);
    System.arraycopy(values, i + 1, values, i, size - i - 1);
    size--;
    names[size] = null;
    values[size] = null;
  }

  @Override
  public void clear() {
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Entries();
      }
    };
  }

  /** Entries in insertion order; each reads and writes through to the map's arrays. */
  private final class Entries implements Iterator<Map.Entry<String, Object>> {
    private int next;
    private int last = -1;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Map.Entry<String, Object> next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new Entry(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException();
      }
      removeAt(last);
      next = last;
      last = -1;
    }
  }

  private final class Entry implements Map.Entry<String, Object> {
    private final int index;

    Entry(int index) {
      this.index = index;
    }

    @Override
    public String getKey() {
      return names[index];
    }

    @Override
    public Object getValue() {
      return values[index];
    }

    @Override
    public Object setValue(Object value) {
      Object old = values[index];
      values[index] = value;
      return old;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Map.Entry<?, ?> e
          && Objects.equals(getKey(), e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
