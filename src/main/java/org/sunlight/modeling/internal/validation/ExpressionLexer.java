package org.sunlight.modeling.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits the body of one {@code ${…}} into JUEL tokens, far enough to judge it: identifiers,
 * literals, and the operators a plain condition needs. Anything else (a character JUEL would
 * read as something we do not allow, an unterminated string) makes the body unreadable, and an
 * unreadable expression is refused.
 */
final class ExpressionLexer {

	enum Kind {
		IDENTIFIER, NUMBER, STRING, OPERATOR
	}

	record Token(Kind kind, String text) {

		boolean is(String operator) {
			return kind == Kind.OPERATOR && text.equals(operator);
		}

	}

	private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+",
			"-", "*", "/", "%", "(", ")", "?", ":", ",", ".", "[", "]");

	private ExpressionLexer() {
	}

	/** The tokens of an expression body, or empty when it holds anything the lexer does not know. */
	static Optional<List<Token>> tokens(String body) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < body.length()) {
			char c = body.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (Character.isJavaIdentifierStart(c)) {
				int end = i + 1;
				while (end < body.length() && Character.isJavaIdentifierPart(body.charAt(end))) {
					end++;
				}
				tokens.add(new Token(Kind.IDENTIFIER, body.substring(i, end)));
				i = end;
			}
			else if (Character.isDigit(c) || (c == '.' && i + 1 < body.length() && Character.isDigit(body.charAt(i + 1)))) {
				int end = number(body, i);
				tokens.add(new Token(Kind.NUMBER, body.substring(i, end)));
				i = end;
			}
			else if (c == '\'' || c == '"') {
				int end = stringEnd(body, i);
				if (end < 0) {
					return Optional.empty();
				}
				tokens.add(new Token(Kind.STRING, unquote(body.substring(i + 1, end))));
				i = end + 1;
			}
			else {
				Optional<String> operator = operatorAt(body, i);
				if (operator.isEmpty()) {
					return Optional.empty();
				}
				tokens.add(new Token(Kind.OPERATOR, operator.get()));
				i += operator.get().length();
			}
		}
		return Optional.of(tokens);
	}

	/**
	 * Where the expression opened at {@code start} (just after its '{') closes: the first '}'
	 * outside string literals, or -1 when it never does.
	 */
	static int closingBrace(String text, int start) {
		int i = start;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '}') {
				return i;
			}
			if (c == '\'' || c == '"') {
				int end = stringEnd(text, i);
				if (end < 0) {
					return -1;
				}
				i = end + 1;
			}
			else {
				i++;
			}
		}
		return -1;
	}

	private static int number(String body, int start) {
		int i = start;
		while (i < body.length() && Character.isDigit(body.charAt(i))) {
			i++;
		}
		if (i < body.length() && body.charAt(i) == '.') {
			i++;
			while (i < body.length() && Character.isDigit(body.charAt(i))) {
				i++;
			}
		}
		if (i < body.length() && (body.charAt(i) == 'e' || body.charAt(i) == 'E')) {
			int exponent = i + 1;
			if (exponent < body.length() && (body.charAt(exponent) == '+' || body.charAt(exponent) == '-')) {
				exponent++;
			}
			if (exponent < body.length() && Character.isDigit(body.charAt(exponent))) {
				i = exponent;
				while (i < body.length() && Character.isDigit(body.charAt(i))) {
					i++;
				}
			}
		}
		return i;
	}

	/** The index of the quote closing the literal opened at {@code start}, or -1. */
	private static int stringEnd(String text, int start) {
		char quote = text.charAt(start);
		for (int i = start + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == quote) {
				return i;
			}
		}
		return -1;
	}

	private static String unquote(String literal) {
		StringBuilder value = new StringBuilder(literal.length());
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c == '\\' && i + 1 < literal.length()) {
				i++;
				c = literal.charAt(i);
			}
			value.append(c);
		}
		return value.toString();
	}

	private static Optional<String> operatorAt(String body, int i) {
		return OPERATORS.stream().filter(op -> body.startsWith(op, i)).findFirst();
	}

}
