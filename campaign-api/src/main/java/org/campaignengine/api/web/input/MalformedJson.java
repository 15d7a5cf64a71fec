package org.campaignengine.api.web.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Why a request body could not be read as JSON at all, and where: {@code message} completes "body ..." (as
 * "is not valid JSON: unexpected character '}' at line 1, column 14; expected double-quote to start field
 * name"), {@code line} and {@code column} are 1-based, or 0 when the reader did not know them. The words are
 * the engine's own, taken from what the JSON reader found; nothing of the reader itself is passed on.
 */
public record MalformedJson(String message, int line, int column) {

    private static final int MAX_TOKEN = 40;
    private static final Pattern UNEXPECTED = Pattern.compile(
            "^Unexpected character \\('(.{1,2})' \\(code \\d+(?: / 0x[0-9a-fA-F]+)?\\)\\)");
    private static final Pattern CONTROL = Pattern.compile("^Unexpected character \\(CTRL-CHAR, code (\\d+)\\)");
    private static final Pattern UNESCAPED = Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '([^']*)'");
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)'");
    private static final Pattern EXPECTING = Pattern.compile(
            "was expecting (double-quote to start field name|comma to separate (?:Object|Array) entries"
                    + "|a colon to separate field name and value)");

    public static MalformedJson of(StreamReadException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null || line == 0 ? 0 : Math.max(0, location.getColumnNr());
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        if (e instanceof InputCoercionException) {
            return new MalformedJson("has a number out of the range its field takes" + where, line, column);
        }
        String found = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return new MalformedJson("is not valid JSON: " + what(e, found) + where + expected(found), line, column);
    }

    private static String what(StreamReadException e, String found) {
        Matcher m;
        if (e instanceof JsonEOFException || found.startsWith("Unexpected end-of-input")) {
            return "unexpected end of input";
        } else if ((m = UNEXPECTED.matcher(found)).find()) {
            return "unexpected character '" + m.group(1) + "'";
        } else if ((m = CONTROL.matcher(found)).find()) {
            return "unexpected control character (code " + m.group(1) + ")";
        } else if ((m = UNESCAPED.matcher(found)).find()) {
            return "control character (code " + m.group(1) + ") in a string, where it must be escaped";
        } else if ((m = TOKEN.matcher(found)).find()) {
            String token = m.group(1);
            return "unrecognized token '" + (token.length() > MAX_TOKEN ? token.substring(0, MAX_TOKEN) + "…" : token)
                    + "'";
        } else if ((m = CLOSE.matcher(found)).find()) {
            return "unexpected '" + m.group(1) + "'";
        } else if (found.startsWith("Invalid UTF-8")) {
            return "bytes that are not UTF-8";
        }
        return "a syntax error";
    }

    private static String expected(String found) {
        Matcher m = EXPECTING.matcher(found);
        if (m.find()) {
            return "; expected " + m.group(1);
        }
        if (found.contains("was expecting (JSON String, Number") || found.contains("expected a value")) {
            return "; expected a value (a string, number, object, array, true, false or null)";
        }
        return "";
    }
}
