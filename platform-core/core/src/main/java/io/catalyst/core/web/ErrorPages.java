package io.catalyst.core.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the web container (web.xml maps 400 and 500 here): what it refuses before any resource runs, such
 * as a path that decodes to an overlong or encoded separator, answers like the rest of the API, as problem+json under
 * {@code /api}, and as a short page elsewhere. Nothing of the refused URI is echoed back.
 */
@WebServlet(name = "errorPages", urlPatterns = ErrorPages.PATH)
public class ErrorPages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/error-page";

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 ? given : 400;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        Object id = request.getAttribute(RequestIds.ATTRIBUTE);
        response.setStatus(status);
        if (path.startsWith(request.getContextPath() + "/api")) {
            ProblemType type = status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.forStatus(status);
            String detail = status == 400 ? "The request's path or parameters are not valid: check its encoding."
                    : status >= 500 ? "An unexpected error occurred. Quote the request id when you report it."
                    : "The request could not be handled.";
            response.setContentType(ProblemMapper.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.toJson(new Problem(type.type(), type.title(), status, detail, null,
                    id == null ? null : id.toString(), null)));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Catalyst"
                    + "</title></head><body style=\"font-family:sans-serif;max-width:40em;margin:4em auto\"><h1>Catalyst"
                    + "</h1><p>" + (status >= 500 ? "Something went wrong on our side." : "This address is not valid.")
                    + " <a href=\"/\">Go to the start page</a>.</p></body></html>");
        }
    }
}
