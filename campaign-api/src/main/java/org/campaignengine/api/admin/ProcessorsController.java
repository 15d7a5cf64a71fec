package org.campaignengine.api.admin;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.util.List;

import org.campaignengine.api.web.openapi.Refusals;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** ADMIN: every event processor's segments, the node holding each, lag and state; split, merge, release. */
@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/admin/processors")
class ProcessorsController {

    private final Processors processors;

    ProcessorsController(Processors processors) {
        this.processors = processors;
    }

    @Operation(summary = "List the event processors", description = "Every event processor (read models, the launch "
            + "process, number release, the audit anchors) with each of its segments: the node holding it, its "
            + "position, the store's head, the lag in positions, its state (RUNNING, CATCHING_UP, REPLAYING with "
            + "progress, ERRORING with the last error, STOPPED on the node that answers) and its dead letters.")
    @ApiResponse(responseCode = "200", description = "The processors.", useReturnTypeSchema = true)
    @GetMapping
    List<ProcessorStatus> list() {
        return processors.all();
    }

    @Operation(summary = "One event processor", description = "The processor's segments, nodes, positions, lag, "
            + "state and dead letters, as in the list.")
    @ApiResponse(responseCode = "200", description = "The processor.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_EVENT_PROCESSOR})
    @GetMapping("/{name}")
    ProcessorStatus one(@Parameter(description = "The processor's name.", example = "status-index")
                        @PathVariable String name) {
        return processors.status(name).orElseThrow(() -> new UnknownProcessor(name, processors.names()));
    }

    @Operation(summary = "Split a segment", description = "Splits the segment in two, each handling half of its "
            + "campaigns, so that another node can take one half. The node called must hold the segment (or be "
            + "able to claim it): a segment another node holds is refused with its `owner`.")
    @ApiResponse(responseCode = "200", description = "Split; the processor afterwards.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_EVENT_PROCESSOR, UNKNOWN_SEGMENT, SEGMENT_REFUSED})
    @PostMapping("/{name}/segments/{segment}/split")
    SegmentChange split(@Parameter(description = "The processor's name.", example = "status-index")
                        @PathVariable String name,
                        @Parameter(description = "The segment's id.", example = "0") @PathVariable int segment) {
        return processors.split(name, segment);
    }

    @Operation(summary = "Merge a segment", description = "Merges the segment with its sibling (the segment it was "
            + "split from or into) into one. The node called must hold both, or be able to claim them: release the "
            + "sibling on the node that holds it first.")
    @ApiResponse(responseCode = "200", description = "Merged; the processor afterwards.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_EVENT_PROCESSOR, UNKNOWN_SEGMENT, SEGMENT_REFUSED})
    @PostMapping("/{name}/segments/{segment}/merge")
    SegmentChange merge(@Parameter(description = "The processor's name.", example = "status-index")
                        @PathVariable String name,
                        @Parameter(description = "The segment's id.", example = "0") @PathVariable int segment) {
        return processors.merge(name, segment);
    }

    @Operation(summary = "Release a segment", description = "The node called lets its claim on the segment go and "
            + "does not claim it again for a while (twice the claim interval, 10 s), so another node running the "
            + "processor takes it. Refused when the node called does not hold it.")
    @ApiResponse(responseCode = "200", description = "Released; the processor afterwards.", useReturnTypeSchema = true)
    @Refusals({UNKNOWN_EVENT_PROCESSOR, UNKNOWN_SEGMENT, SEGMENT_REFUSED})
    @PostMapping("/{name}/segments/{segment}/release")
    SegmentChange release(@Parameter(description = "The processor's name.", example = "status-index")
                          @PathVariable String name,
                          @Parameter(description = "The segment's id.", example = "0") @PathVariable int segment) {
        return processors.release(name, segment);
    }
}
