package com.rollcall.console;

import jakarta.faces.component.ActionSource;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.behavior.AjaxBehavior;
import jakarta.faces.component.behavior.ClientBehavior;
import jakarta.faces.component.behavior.ClientBehaviorContext;
import jakarta.faces.component.search.SearchExpressionContext;
import jakarta.faces.component.search.SearchExpressionHandler;
import jakarta.faces.component.search.SearchExpressionHint;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.AjaxBehaviorEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ClientBehaviorRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <f:ajax>} under the console's Content-Security-Policy, which refuses inline event handlers. Faces renders an
 * ajax behaviour as an inline handler ({@code onchange="mojarra.ab(this,event,...)"}); this renderer, registered for
 * the standard ajax behaviour in faces-config.xml, writes the same request as data attributes of the element instead
 * ({@code data-ajax-event}, {@code -source}, {@code -execute}, {@code -render}), and the static
 * {@code resources/js/ajax.js} sends it with Faces' own {@code faces.ajax.request} on change (a click for buttons).
 * The server side is the standard one: the behaviour decodes, queues its event and calls its listener as Faces' does.
 * Pages keep writing plain {@code <f:ajax>}; only the events {@code valueChange} and {@code action} (the defaults)
 * are wired by ajax.js.
 */
public class PolicyAjaxRenderer extends ClientBehaviorRenderer {
    private static final Set<SearchExpressionHint> HINTS = EnumSet.of(SearchExpressionHint.RESOLVE_CLIENT_SIDE);
    private static final Set<String> KEYWORDS = Set.of("@this", "@form", "@all", "@none");

    /**
     * Called by the component's renderer while the start tag of the element that would carry the handler is open:
     * writes the request as attributes of that element, and answers no script (so no handler attribute is written).
     */
    @Override
    public String getScript(ClientBehaviorContext behaviorContext, ClientBehavior behavior) {
        if (!(behavior instanceof AjaxBehavior ajax) || ajax.isDisabled()) {
            return null;
        }
        FacesContext faces = behaviorContext.getFacesContext();
        UIComponent component = behaviorContext.getComponent();
        String source = behaviorContext.getSourceId() == null ? component.getClientId(faces) : behaviorContext.getSourceId();
        ResponseWriter writer = faces.getResponseWriter();
        try {
            writer.writeAttribute("data-ajax-event", behaviorContext.getEventName(), null);
            writer.writeAttribute("data-ajax-source", source, null);
            writer.writeAttribute("data-ajax-execute", ids(faces, component, ajax.getExecute(), "@this"), null);
            writer.writeAttribute("data-ajax-render", ids(faces, component, ajax.getRender(), "@none"), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** The client ids of these search expressions, resolved from the component as Faces resolves f:ajax's. */
    private static String ids(FacesContext faces, UIComponent component, Collection<String> expressions, String none) {
        if (expressions == null || expressions.isEmpty()) {
            return none;
        }
        SearchExpressionHandler handler = faces.getApplication().getSearchExpressionHandler();
        SearchExpressionContext context = SearchExpressionContext.createSearchExpressionContext(faces, component, HINTS,
                null);
        StringBuilder ids = new StringBuilder();
        for (String expression : expressions) {
            List<String> resolved = KEYWORDS.contains(expression) ? List.of(expression)
                    : handler.resolveClientIds(context, expression);
            for (String id : resolved) {
                ids.append(ids.length() == 0 ? "" : " ").append(id);
            }
        }
        return ids.length() == 0 ? none : ids.toString();
    }

    /** As Faces does: the behaviour that fired queues its event, in the phase its immediacy says. */
    @Override
    public void decode(FacesContext context, UIComponent component, ClientBehavior behavior) {
        if (!(behavior instanceof AjaxBehavior ajax) || ajax.isDisabled()) {
            return;
        }
        AjaxBehaviorEvent event = new AjaxBehaviorEvent(context, component, ajax);
        event.setPhaseId(immediate(component, ajax) ? PhaseId.APPLY_REQUEST_VALUES : PhaseId.INVOKE_APPLICATION);
        component.queueEvent(event);
    }

    private static boolean immediate(UIComponent component, AjaxBehavior ajax) {
        if (ajax.isImmediateSet()) {
            return ajax.isImmediate();
        }
        if (component instanceof EditableValueHolder holder) {
            return holder.isImmediate();
        }
        return component instanceof ActionSource source && source.isImmediate();
    }
}
