package com.rollcall.console;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An id in the address that names nothing of this enterprise (unknown, deleted, another enterprise's, or not an id
 * at all): the answer is the styled 404 page (errors/404.html), as for an unknown address, never a half-empty page
 * titled "· Rollcall".
 */
public final class NotFound {
    private NotFound() {
    }

    /** Ends this request with 404 (the container shows the styled page); call from an f:viewAction. */
    public static void send() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, "Not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** A number from the address, or null when it is none (then the page answers 404). */
    public static Long number(String text) {
        if (text == null || text.isBlank() || text.length() > 18) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
