package com.rollcall.console;

import com.rollcall.platform.text.Plural;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/**
 * The length limit of an {@code rc:field}: the input carries it as {@code maxlength} (so a browser stops there) and
 * the server checks it again in plain words, on the field: "Names can be at most 200 characters." (Faces' own
 * LengthValidator says "Validation Error: Length is greater than allowable maximum of '200'").
 */
@FacesValidator("rc.maxLength")
public class MaxLength implements Validator<Object> {
    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        Object limit = component.getAttributes().get("maxlength");
        if (value == null || !(limit instanceof Number max) || max.intValue() <= 0) {
            return;
        }
        String text = value.toString();
        if (text.codePointCount(0, text.length()) > max.intValue()) {
            Object label = component.getAttributes().get("label");
            String message = message(label == null ? "Values" : label.toString(), max.intValue());
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }
    }

    /** "Names can be at most 200 characters." */
    static String message(String label, int max) {
        return Plural.noun(label) + " can be at most " + Plural.count(max, "character") + ".";
    }
}
