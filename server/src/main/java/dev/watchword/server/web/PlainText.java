package dev.watchword.server.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed and other people will read (names, issuers, accounts, reasons): no
 * control characters, no invisible formatting characters (bidi overrides, zero-width marks,
 * which can make "Acme\u202Egpj.exe" look like another name), no line or paragraph separators,
 * no unpaired surrogates. The same rule as the otpauth parser applies to its labels.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

  String message() default "must not contain control, invisible formatting or separator characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Bean Validation glue for {@link PlainText}. */
  class Validator implements ConstraintValidator<PlainText, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return PlainTextRule.isPlain(value);
    }
  }
}
