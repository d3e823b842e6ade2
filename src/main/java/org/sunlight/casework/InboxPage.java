package org.sunlight.casework;

import java.util.List;

/** One page of an inbox and how many items the whole inbox holds. */
public record InboxPage<T>(List<T> items, long total) {

	/** The page of an inbox whose items are all at hand (a short list filtered in memory). */
	public static <T> InboxPage<T> of(List<T> all, org.sunlight.system.Paging paging) {
		int from = (int) Math.min(all.size(), paging.offset());
		return new InboxPage<>(all.subList(from, Math.min(all.size(), from + paging.size())), all.size());
	}

}
