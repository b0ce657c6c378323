package com.rollcall.console;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Sends a post-back whose view is gone (session timed out, server restarted, tampered view state) to the
 * styled "page has expired" page. The container's exception-type mapping cannot do it: the Faces servlet's
 * exception reaches it wrapped, and the catch-all Throwable mapping wins.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {
    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewHandler(getWrapped().getExceptionHandler());
        }
    }

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            if (expired(failure)) {
                events.remove();
                FacesContext faces = FacesContext.getCurrentInstance();
                ExternalContext external = faces.getExternalContext();
                try {
                    external.redirect(external.getRequestContextPath() + "/errors/expired.html");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                faces.responseComplete();
                return;
            }
        }
        getWrapped().handle();
    }

    private static boolean expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
