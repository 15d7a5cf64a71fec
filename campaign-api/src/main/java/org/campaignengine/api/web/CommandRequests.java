package org.campaignengine.api.web;

import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.OperatedBy;

import com.fasterxml.jackson.databind.JsonNode;

/** Request bodies of the command endpoints (HTTP API, Commands). */
final class CommandRequests {

    private CommandRequests() {
    }

    record CreateCampaign(String name, Channel channel, String office, List<String> tags, JsonNode settings) {
    }

    record Schedule(Instant launchAt) {
    }

    record Suspend(String reason) {
    }

    record MarkErrored(String code, String message) {
    }

    record Clone(String name) {
    }

    record Activity(List<Record> records) {
    }

    record Record(String recordId, ActivityType type, Instant at, String contactId, String contactName,
                  String phone, String messageId, String reason, Long costMicros, String callerId,
                  List<String> tags, OperatedBy operatedBy) {
    }
}
