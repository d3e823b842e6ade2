package org.sunlight.system;

/**
 * A server-sent event stream that people keep open: operators watch how many listen, per stream
 * and node (operations' metrics).
 */
public interface LiveStream {

	/** A short name for the stream, e.g. {@code escalations}. */
	String streamName();

	/** The streams open on this node now. */
	int subscribers();

}
