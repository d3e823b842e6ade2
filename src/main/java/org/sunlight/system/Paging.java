package org.sunlight.system;

/**
 * A page of a list asked for in a request. Sizes are capped, and so is how deep a page may lie,
 * so that {@code page * size} never overflows and no request makes the database skip millions of
 * rows; anything else is a 400 naming the parameter.
 */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 200;

	/** The deepest row a page may start at. */
	public static final long MAX_OFFSET = 1_000_000;

	public Paging {
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidParameterException("error.paging.size", "size must be between 1 and " + MAX_SIZE + ", not " + size,
					String.valueOf(MAX_SIZE), String.valueOf(size));
		}
		if (page < 0 || (long) page * size > MAX_OFFSET) {
			throw new InvalidParameterException("error.paging.page",
					"page must be between 0 and " + MAX_OFFSET / size + " for size " + size + ", not " + page,
					String.valueOf(MAX_OFFSET / size), String.valueOf(size), String.valueOf(page));
		}
	}

	public long offset() {
		return (long) page * size;
	}

}
