package org.campaignengine.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;

/** A segment split, merged or released, and its processor as it is afterwards. */
@Schema(description = "A segment split, merged or released, and its processor afterwards.")
record SegmentChange(
        @Schema(description = "The processor.", example = "status-index") String processor,
        @Schema(description = "The segment named in the request.", example = "0") int segment,
        @Schema(description = "split, merge or release.", example = "split") String operation,
        @Schema(description = "The processor after the change.") ProcessorStatus status) {
}
