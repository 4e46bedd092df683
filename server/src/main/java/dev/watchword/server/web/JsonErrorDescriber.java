package dev.watchword.server.web;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a JSON parsing failure into a detail a client can act on: which field, and what was
 * expected. Never quotes the offending value, which may be a seed or a password.
 */
final class JsonErrorDescriber {

  // A field name is echoed only when it looks like one; anything else may be pasted data.
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']{1,64})[\"']");

  private JsonErrorDescriber() {}

  static String describe(Throwable failure) {
    JacksonException json = find(failure);
    if (json == null) {
      return "The request body is missing or is not JSON.";
    }
    String field = fieldPath(json);
    if (json instanceof UnrecognizedPropertyException unknown) {
      String name = unknown.getPropertyName();
      return name != null && PLAIN_NAME.matcher(name).matches()
          ? "Unknown field '" + name + "'."
          : "The body contains an unknown field.";
    }
    if (json instanceof InvalidNullException) {
      return "Field '" + field + "' must not be null.";
    }
    if (json instanceof MismatchedInputException mismatched && field != null) {
      return "Field '" + field + "' must be " + expected(mismatched.getTargetType()) + ".";
    }
    if (has(failure, InputCoercionException.class)) {
      return field != null ? "Field '" + field + "' is out of range." : "A number is out of range.";
    }
    String duplicate = duplicateField(json);
    if (duplicate != null) {
      return duplicate.isEmpty() ? "A field appears more than once." : "Field '" + duplicate + "' appears more than once.";
    }
    if (json instanceof StreamConstraintsException) {
      return "The JSON document exceeds a size or nesting limit.";
    }
    if (json instanceof StreamReadException) {
      return "The request body is not well-formed JSON.";
    }
    return field != null ? "Field '" + field + "' has an invalid value." : "The request body is not valid.";
  }

  private static JacksonException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JacksonException json) {
        return json;
      }
    }
    return null;
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The duplicated field's name ("" when it is not a plain name), or null when there is none. */
  private static String duplicateField(JacksonException json) {
    for (Throwable t = json; t != null; t = t.getCause()) {
      String message = t instanceof JacksonException j ? j.getOriginalMessage() : null;
      if (message != null && message.startsWith("Duplicate")) {
        java.util.regex.Matcher name = QUOTED.matcher(message);
        return name.find() && PLAIN_NAME.matcher(name.group(1)).matches() ? name.group(1) : "";
      }
    }
    return null;
  }

  private static String fieldPath(JacksonException json) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : json.getPath()) {
      String name = reference.getPropertyName();
      if (name != null) {
        if (!PLAIN_NAME.matcher(name).matches()) {
          return null;
        }
        path.append(path.isEmpty() ? "" : ".").append(name);
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
      return "an integer";
    }
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
