package com.rollcall.console;

import com.rollcall.submissions.SubmissionTokens;
import jakarta.faces.context.FacesContext;
import java.util.List;

/**
 * A create form's one-time submission token on the page: the form holds it in a hidden field named
 * {@value #PARAM} ({@code <input type="hidden" name="submission" value="#{bean.submission}"/>}), the bean hands what
 * the request sent to {@code FormSubmissionService.once}, and takes a fresh token once the submission is done. Read
 * from the request, not from the view-scoped bean: two copies of a form sent at once share the bean.
 */
public final class Submission {
    public static final String PARAM = "submission";

    private Submission() {
    }

    /** A token for the next submission of a form. */
    public static String fresh() {
        return SubmissionTokens.generate();
    }

    /** The token this request's form carried (null when none). */
    public static String sent() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(PARAM);
    }

    /** An outcome of several parts, as stored (parts hold no line break). */
    public static String outcome(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(text.length() == 0 ? "" : "\n").append(part == null ? "" : part.toString().replace('\n', ' '));
        }
        return text.toString();
    }

    /** The parts of a stored outcome. */
    public static List<String> parts(String outcome) {
        return List.of(outcome.split("\n", -1));
    }

    /** What a page adds when a copy of a form was answered with what the first one did. */
    public static final String TWICE = " (The form was sent twice; it was done once.)";
}
