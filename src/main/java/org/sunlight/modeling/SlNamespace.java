package org.sunlight.modeling;

/** Names of the {@code sl:} extension (BPMN-EXTENSION.md). */
public final class SlNamespace {

	public static final String URI = "urn:sunlight:bpmn:1.0";
	public static final String PREFIX = "sl";
	public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
	public static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
	public static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
	public static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
	public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	/**
	 * The ids of what the compiler adds (the clocks' timers, flows and end events): the validator
	 * refuses them elsewhere, and the compiler strips and regenerates them on every compile.
	 */
	public static final String GENERATED_ID_PREFIX = "SL_";

	private SlNamespace() {
	}

}
