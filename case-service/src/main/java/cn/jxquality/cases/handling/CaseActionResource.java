package cn.jxquality.cases.handling;

import cn.jxquality.cases.casefile.Caller;
import cn.jxquality.cases.casefile.CaseEventView;
import cn.jxquality.cases.casefile.CaseQueries;
import cn.jxquality.cases.casefile.CaseView;
import cn.jxquality.cases.casefile.Visibility;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The department actions of DESIGN §10: each takes {@code If-Match} with the case's version and answers the
 * changed case with its new {@code ETag}. Departments act on their own cases, supervisors on all.
 */
@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"department", "supervisor"})
@Tag(name = "Case actions")
public class CaseActionResource {

    private final CaseHandling handling;
    private final CaseQueries queries;
    private final SecurityIdentity identity;

    CaseActionResource(CaseHandling handling, CaseQueries queries, SecurityIdentity identity) {
        this.handling = handling;
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @Path("/accept")
    @Operation(summary = "Accept the case (受理)")
    public Uni<RestResponse<CaseView>> accept(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ifMatch, CaseChange.of(new CaseCommand.Accept()));
    }

    @POST
    @Path("/refuse")
    @Operation(summary = "Refuse the case on a legal ground (不予受理); the ground and note are public")
    public Uni<RestResponse<CaseView>> refuse(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Refuse request) {
        return act(
                id,
                ifMatch,
                new CaseChange(new CaseCommand.Refuse(request.ground()), request.note(), Visibility.PUBLIC, null));
    }

    @POST
    @Path("/start")
    @Operation(
            summary = "Start mediation (complaint) or investigation (report)",
            description = "Optional: resolving an accepted case starts it first (DESIGN §10: accept, then resolve).")
    public Uni<RestResponse<CaseView>> start(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ifMatch, CaseChange.of(new CaseCommand.Start()));
    }

    @POST
    @Path("/transfer")
    @Operation(summary = "Transfer a wrongly routed case: to the named department, else by the routing rules")
    public Uni<RestResponse<CaseView>> transfer(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Transfer request) {
        return act(
                id,
                ifMatch,
                new CaseChange(
                        new CaseCommand.Transfer(), request.reason(), Visibility.INTERNAL, request.departmentCode()));
    }

    @POST
    @Path("/notes")
    @Operation(summary = "Add a note to the audit trail, PUBLIC or INTERNAL")
    public Uni<RestResponse<CaseView>> note(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Note request) {
        return act(
                id,
                ifMatch,
                new CaseChange(new CaseCommand.Note(request.visibility()), request.text(), request.visibility(), null));
    }

    @POST
    @Path("/resolve")
    @Operation(
            summary = "Record the outcome; the note is public",
            description = "From IN_MEDIATION or UNDER_INVESTIGATION, or from ACCEPTED: then the case's mediation"
                    + " (complaint) or investigation (report) is started first, and the audit trail, the events and"
                    + " the citizen's timeline show both steps.")
    public Uni<RestResponse<CaseView>> resolve(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Resolve request) {
        return act(
                id,
                ifMatch,
                new CaseChange(new CaseCommand.Resolve(request.resolution()), request.note(), Visibility.PUBLIC, null));
    }

    @POST
    @Path("/close")
    @Operation(summary = "Close a resolved or refused case")
    public Uni<RestResponse<CaseView>> close(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ifMatch, CaseChange.of(new CaseCommand.Close()));
    }

    @POST
    @Path("/extend")
    @Operation(summary = "Extend a report's verification once by 15 working days, with a reason")
    public Uni<RestResponse<CaseView>> extend(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Extend request) {
        return act(id, ifMatch, new CaseChange(new CaseCommand.Extend(), request.reason(), Visibility.INTERNAL, null));
    }

    @POST
    @Path("/request-materials")
    @Operation(summary = "Ask the citizen for missing materials (补正); the deadlines pause; the note is public")
    public Uni<RestResponse<CaseView>> requestMaterials(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.RequestMaterials request) {
        return act(
                id,
                ifMatch,
                new CaseChange(new CaseCommand.RequestMaterials(), request.note(), Visibility.PUBLIC, null));
    }

    @POST
    @Path("/materials-received")
    @Operation(summary = "The citizen's materials arrived; the deadlines run on, later by the time spent waiting")
    public Uni<RestResponse<CaseView>> materialsReceived(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ifMatch, CaseChange.of(new CaseCommand.MaterialsReceived()));
    }

    @POST
    @Path("/assign")
    @RolesAllowed("supervisor")
    @Operation(summary = "Assign a case waiting for triage to a department (supervisors)")
    public Uni<RestResponse<CaseView>> assign(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseRequests.Assign request) {
        return act(
                id,
                ifMatch,
                new CaseChange(new CaseCommand.Assign(), null, Visibility.PUBLIC, request.departmentCode()));
    }

    @GET
    @Path("/actions")
    @Operation(
            summary = "The actions the caller may take on the case now",
            description =
                    "Endpoint names (accept, refuse, …) at the case's current version; assign only for supervisors.")
    public Uni<CaseHandling.AllowedActions> actions(@PathParam("id") UUID id) {
        return handling.allowed(Caller.of(identity), id);
    }

    @GET
    @Path("/events")
    @RolesAllowed({"department", "supervisor", "auditor", "operator"})
    @Operation(summary = "The case's audit trail, oldest first")
    public Uni<List<CaseEventView>> events(@PathParam("id") UUID id) {
        return queries.events(Caller.of(identity), id);
    }

    private Uni<RestResponse<CaseView>> act(UUID id, String ifMatch, CaseChange change) {
        int version = IfMatch.version(ifMatch);
        return handling.act(Caller.of(identity), id, version, change).map(CaseActionResource::ok);
    }

    private static RestResponse<CaseView> ok(CaseView view) {
        return RestResponse.ResponseBuilder.ok(view)
                .tag(new EntityTag(Integer.toString(view.version())))
                .build();
    }
}
