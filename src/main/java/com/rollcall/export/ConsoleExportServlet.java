package com.rollcall.export;

import com.rollcall.people.ConsoleRole;
import com.rollcall.people.ConsoleUserService;
import com.rollcall.people.ConsoleUserView;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * {@code /console/export/download?format=json|csv&what=...}: the backup export for the console, behind the
 * console's session login (the admin API's {@code /export} wants a bearer token). Under /console/*, so only
 * Enterprise Admins reach it; the enterprise is the signed-in user's, never a parameter. Read-only, so GET.
 */
@WebServlet("/console/export/download")
public class ConsoleExportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    private BackupExportService exports;

    @Inject
    private ConsoleUserService consoleUsers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal principal = request.getUserPrincipal();
        Optional<ConsoleUserView> user = principal == null ? Optional.empty() : consoleUsers.findView(principal.getName());
        if (user.isEmpty() || user.get().role() != ConsoleRole.ENTERPRISE_ADMIN) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        boolean csv;
        List<ExportKind> kinds;
        try {
            csv = ExportResource.csv(request.getParameter("format"));
            kinds = ExportResource.kinds(request.getParameter("what"), csv);
        } catch (ScimException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write(e.detail());
            return;
        }
        ExportFile file = exports.describe(user.get().enterpriseId(), kinds, csv);
        response.setContentType(csv ? "text/csv; charset=utf-8" : "application/json");
        response.setHeader("Content-Disposition", file.contentDisposition());
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        exports.export(user.get().enterpriseId(), kinds, csv ? new CsvExportWriter(out) : new JsonExportWriter(out, file));
        out.flush();
    }
}
