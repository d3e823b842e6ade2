package org.sunlight.modeling.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.sunlight.modeling.internal.validation.ExpressionAllowList.Argument;
import org.sunlight.modeling.internal.validation.ExpressionAllowList.Call;
import org.sunlight.modeling.internal.validation.ExpressionLexer.Kind;
import org.sunlight.modeling.internal.validation.ExpressionLexer.Token;

/**
 * Decides which expressions a model may contain. Camunda evaluates JUEL with access to the
 * execution, the engine and (through Spring) beans, so an expression is code. Two kinds pass:
 * <ul>
 * <li>plain conditions over process variables: identifiers, literals, comparison, logical and
 * arithmetic operators, parentheses and the conditional {@code ?:}; no calls, no property or
 * index access ({@code .}, {@code []}), no engine object such as {@code execution} and no name
 * of a Spring bean (a bean is reachable by name from any expression);</li>
 * <li>in compiled models only, exactly the calls of {@link ExpressionAllowList}: the compiler
 * writes them, so a model as drawn that contains one is forging a clock or an alarm.</li>
 * </ul>
 * Deferred {@code #{…}} expressions are refused outright: designers have no use for them.
 * <p>
 * The same policy serves the validator ({@link #drawn}) and the engine itself ({@link #compiled}),
 * which refuses to create any other expression whatever way a model reached it.
 */
public final class ExpressionPolicy {

	/** Names Camunda resolves to engine objects, whatever the variables are. */
	static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
			"caseInstance", "processEngine", "processEngineServices", "processEngineConfiguration", "variableScope",
			"variableContext", "delegateExecution", "delegateTask");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
			"empty", "div", "mod", "true", "false", "null");

	private final Predicate<String> isBeanName;

	private final boolean compilerCalls;

	private ExpressionPolicy(Predicate<String> isBeanName, boolean compilerCalls) {
		this.isBeanName = name -> ExpressionAllowList.BEANS.contains(name) || isBeanName.test(name);
		this.compilerCalls = compilerCalls;
	}

	/**
	 * What a designer may write: plain conditions only.
	 * @param isBeanName whether a name is a bean of the application (any such name is refused)
	 */
	public static ExpressionPolicy drawn(Predicate<String> isBeanName) {
		return new ExpressionPolicy(isBeanName, false);
	}

	/** What the engine may evaluate: plain conditions and the compiler's calls. */
	public static ExpressionPolicy compiled(Predicate<String> isBeanName) {
		return new ExpressionPolicy(isBeanName, true);
	}

	static boolean mayContainExpression(String text) {
		return text.contains("${") || text.contains("#{");
	}

	/** Every expression in the text that is not allowed, as written. */
	public List<String> refused(String text) {
		List<String> refused = new ArrayList<>();
		int from = 0;
		while (true) {
			int dollar = text.indexOf("${", from);
			int hash = text.indexOf("#{", from);
			int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
			if (start < 0) {
				return refused;
			}
			int end = ExpressionLexer.closingBrace(text, start + 2);
			if (end < 0) {
				refused.add(text.substring(start));
				return refused;
			}
			String expression = text.substring(start, end + 1);
			if (start == hash || !allowed(text.substring(start + 2, end))) {
				refused.add(expression);
			}
			from = end + 1;
		}
	}

	private boolean allowed(String body) {
		Optional<List<Token>> tokens = ExpressionLexer.tokens(body);
		if (tokens.isEmpty() || tokens.get().isEmpty()) {
			return false;
		}
		return (compilerCalls && isAllowedCall(tokens.get())) || isPlainCondition(tokens.get());
	}

	private boolean isPlainCondition(List<Token> tokens) {
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.is(".") || token.is("[") || token.is("]") || token.is(",")) {
				return false;
			}
			if (token.kind() == Kind.IDENTIFIER) {
				// "not (a)" and "empty (x)" are operators before parentheses, not calls.
				boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(") && !KEYWORDS.contains(token.text());
				if (call || !isVariableName(token.text())) {
					return false;
				}
			}
		}
		return true;
	}

	private boolean isVariableName(String name) {
		return KEYWORDS.contains(name) || !(ENGINE_NAMES.contains(name) || isBeanName.test(name)
				|| name.equals("instanceof"));
	}

	/** bean . method ( argument {, argument} ) and nothing else, matching one entry of the list. */
	private static boolean isAllowedCall(List<Token> tokens) {
		if (tokens.size() < 5 || tokens.get(0).kind() != Kind.IDENTIFIER || !tokens.get(1).is(".")
				|| tokens.get(2).kind() != Kind.IDENTIFIER || !tokens.get(3).is("(")
				|| !tokens.get(tokens.size() - 1).is(")")) {
			return false;
		}
		List<Token> arguments = new ArrayList<>();
		for (int i = 4; i < tokens.size() - 1; i++) {
			boolean separator = (i - 4) % 2 == 1;
			if (separator != tokens.get(i).is(",")) {
				return false;
			}
			if (!separator) {
				arguments.add(tokens.get(i));
			}
		}
		if (tokens.size() > 5 && tokens.get(tokens.size() - 2).is(",")) {
			return false;
		}
		String bean = tokens.get(0).text();
		String method = tokens.get(2).text();
		return ExpressionAllowList.CALLS.stream().anyMatch(call -> matches(call, bean, method, arguments));
	}

	private static boolean matches(Call call, String bean, String method, List<Token> arguments) {
		if (!call.bean().equals(bean) || !call.method().equals(method)
				|| call.arguments().size() != arguments.size()) {
			return false;
		}
		for (int i = 0; i < arguments.size(); i++) {
			if (!fits(call.arguments().get(i), arguments.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean fits(Argument expected, Token token) {
		return switch (expected) {
			case EXECUTION -> token.kind() == Kind.IDENTIFIER && token.text().equals("execution");
			case STEP_ID -> token.kind() == Kind.STRING && !token.text().isBlank();
			case LEVEL -> token.kind() == Kind.STRING && ExpressionAllowList.LEVELS.contains(token.text());
		};
	}

}
