package org.campaignengine.api.web.openapi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PastCampaign;
import org.campaignengine.projections.analytics.ActivityAnswer;
import org.campaignengine.projections.analytics.Analytics;
import org.campaignengine.projections.audit.AuditTrail;
import org.campaignengine.projections.contacts.ContactPage;
import org.campaignengine.projections.contacts.ContactRow;
import org.campaignengine.projections.contacts.Delivery;
import org.campaignengine.projections.conversations.ConversationPage;
import org.campaignengine.projections.conversations.ConversationRow;
import org.campaignengine.projections.conversations.LastMessage;
import org.campaignengine.projections.statusindex.ScheduledCalendar;
import org.campaignengine.projections.statusindex.TabCounts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The read models' answers as the OpenAPI description shows them: the same JSON as the read models' own
 * records, which belong to a module that knows nothing of HTTP, described field by field here.
 */
public final class ReadModelSchemas {

    private ReadModelSchemas() {
    }

    /** Each read model type and the record that describes it. */
    public static Map<Class<?>, Class<?>> replacements() {
        return Map.ofEntries(
                Map.entry(TabCounts.class, Tabs.class),
                Map.entry(Analytics.class, CampaignAnalytics.class),
                Map.entry(Analytics.SendStatus.class, SendStatus.class),
                Map.entry(Analytics.Engagement.class, Engagement.class),
                Map.entry(Analytics.Responses.class, Responses.class),
                Map.entry(Analytics.Recipients.class, Recipients.class),
                Map.entry(Analytics.Voice.class, Voice.class),
                Map.entry(ActivityAnswer.ActivityBucket.class, ActivityBucket.class),
                Map.entry(ContactPage.class, Contacts.class),
                Map.entry(ContactRow.class, Contact.class),
                Map.entry(ConversationPage.class, Conversations.class),
                Map.entry(ConversationRow.class, Conversation.class),
                Map.entry(LastMessage.class, LastMessageSchema.class),
                Map.entry(ScheduledCalendar.Day.class, CalendarDay.class),
                Map.entry(ScheduledCalendar.Entry.class, CalendarCampaign.class),
                Map.entry(AuditTrail.Page.class, AuditPage.class),
                Map.entry(AuditTrail.Entry.class, AuditEntry.class),
                Map.entry(PastCampaign.class, PastCampaignSchema.class));
    }

    @Schema(name = "ActivityRejection", description = "An activity record that was refused, and why.")
    public record Rejection(
            @Schema(description = "The record's `recordId`.", example = "msg-0042-sent") String recordId,
            @Schema(description = "Why it was refused.", example = "a conversation holds at most 3 "
                    + "tags") String reason) {
    }

    @Schema(name = "TabCounts", description = "How many campaigns of the caller's offices each index tab lists.")
    public record Tabs(
            @Schema(description = "LAUNCHING and ACTIVE campaigns.", example = "12") long active,
            @Schema(description = "SCHEDULED campaigns.", example = "3") long scheduled,
            @Schema(description = "DRAFT and REJECTED campaigns.", example = "7") long draft,
            @Schema(description = "PAUSED and SUSPENDED campaigns.", example = "2") long paused,
            @Schema(description = "ARCHIVED campaigns.", example = "40") long archived,
            @Schema(description = "Every campaign but archived and deleted ones.", example = "25") long all) {
    }

    @Schema(name = "Analytics", description = "One campaign's analytics. Rates are fractions from 0; the engagement "
            + "rate never exceeds 1, the click-through rate may (a contact can click twice).")
    public record CampaignAnalytics(
            @Schema(description = "Where the messages sent stand.") SendStatus sendStatus,
            @Schema(description = "How contacts engaged.") Engagement engagement,
            @Schema(description = "Replies by who replied.") Responses responses,
            @Schema(description = "What the campaign cost so far, in millionths of the currency unit.",
                    example = "1250000") long costMicros,
            @Schema(description = "Link clicks per messaged contact.", example = "0.08") double clickThroughRate,
            @Schema(description = "Contacts messaged out of the contact list's size.") Recipients recipients,
            @Schema(description = "VOICE figures (zeros for SMS).") Voice voice) {
    }

    @Schema(name = "SendStatus", description = "Messages sent, delivered, undelivered, and the rest (no receipt yet, "
            + "or retrying).")
    public record SendStatus(
            @Schema(description = "Messages sent.", example = "1000") long total,
            @Schema(description = "Delivered.", example = "950") long succeeded,
            @Schema(description = "Not delivered.", example = "30") long failed,
            @Schema(description = "No receipt yet, or retrying.", example = "20") long pending) {
    }

    @Schema(name = "Engagement", description = "Distinct contacts.")
    public record Engagement(
            @Schema(description = "Contacts messaged.", example = "1000") long messaged,
            @Schema(description = "Contacts who replied.", example = "120") long responded,
            @Schema(description = "Contacts who opted out.", example = "9") long optedOut,
            @Schema(description = "The share of messaged contacts who replied, 0 to "
                    + "1.", example = "0.12") double rate) {
    }

    @Schema(name = "Responses", description = "Reply counts by who replied.")
    public record Responses(
            @Schema(description = "Replies from contacts.", example = "150") long contact,
            @Schema(description = "Replies from agents.", example = "110") long agent,
            @Schema(description = "Replies from the virtual assistant.", example = "35") long bot,
            @Schema(description = "The exact median time agents took to reply, in seconds; null before the first "
                    + "agent reply.", example = "42.5", nullable = true) Double medianAgentResponseSeconds) {
    }

    @Schema(name = "Recipients", description = "Distinct contacts messaged out of the contact list's size.")
    public record Recipients(
            @Schema(description = "Contacts messaged.", example = "980") long sent,
            @Schema(description = "The contact list's size.", example = "1200") long total) {
    }

    @Schema(name = "Voice", description = "Calls placed, contacts of the list not yet dialed, and callers logged in "
            + "now.")
    public record Voice(
            @Schema(description = "Calls placed.", example = "640") long dials,
            @Schema(description = "Contacts of the list not yet dialed.", example = "560") long remaining,
            @Schema(description = "Callers logged in now.", example = "8") long callersLoggedIn) {
    }

    @Schema(name = "ActivityBucket", description = "Activity in one interval of the campaign's active range.")
    public record ActivityBucket(
            @Schema(description = "The interval's start (UTC).", example = "2026-12-05T09:00:00Z") Instant start,
            @Schema(description = "Replies and opt-outs.", example = "14") long inbound,
            @Schema(description = "Messages, agent and bot replies, and calls.", example = "230") long outbound) {
    }

    @Schema(name = "ContactPage", description = "A page of a campaign's contacts.")
    public record Contacts(
            @Schema(description = "The contacts of this page.") List<Contact> items,
            @Schema(description = "The page number, from 0.", example = "0") int page,
            @Schema(description = "The page size asked for.", example = "20") int size,
            @Schema(description = "How many contacts match, over all pages.", example = "1200") long total) {
    }

    @Schema(name = "ContactRow", description = "One contact of a campaign.")
    public record Contact(
            @Schema(description = "The contact's id in the contacts service.", example = "c-10001") String contactId,
            @Schema(description = "The contact's name; null if never reported or erased.", example = "Ana Silva",
                    nullable = true) String name,
            @Schema(description = "The contact's phone; null if never reported or erased.", example = "+12125550199",
                    nullable = true) String phone,
            @Schema(description = "Where the latest message stands; null for a contact never messaged (named only by "
                    + "a reply, an opt-out, a click).", example = "DELIVERED", nullable = true) Delivery delivery,
            @Schema(description = "Why the latest message was not delivered.", example = "carrier rejected",
                    nullable = true) String failedReason,
            @Schema(description = "The contact opted out.", example = "false") boolean optedOut,
            @Schema(description = "The contact's latest "
                    + "activity.", example = "2026-12-05T10:15:00Z") Instant lastActivityAt,
            @Schema(description = "The contact was forgotten: its name and phone are gone for good.", example = "false")
            boolean erased) {
    }

    @Schema(name = "ConversationPage", description = "A page of a campaign's conversations.")
    public record Conversations(
            @Schema(description = "The conversations of this page.") List<Conversation> items,
            @Schema(description = "The page number, from 0.", example = "0") int page,
            @Schema(description = "The page size asked for.", example = "20") int size,
            @Schema(description = "How many conversations match, over all pages.", example = "87") long total) {
    }

    @Schema(name = "ConversationRow", description = "One conversation of a campaign.")
    public record Conversation(
            @Schema(description = "The contact's id.", example = "c-10001") String contactId,
            @Schema(description = "The contact's name; null if never reported or erased.", example = "Ana Silva",
                    nullable = true) String name,
            @Schema(description = "The contact's phone; null if never reported or erased.", example = "+12125550199",
                    nullable = true) String phone,
            @Schema(description = "An agent should look at it.", example = "true") boolean needsAttention,
            @Schema(description = "Who answers it.", example = "AGENT") OperatedBy operatedBy,
            @Schema(description = "At most 3 tags of at most 30 characters.", example = "[\"volunteer\"]")
            List<String> tags,
            @Schema(description = "When its latest message "
                    + "was.", example = "2026-12-05T10:15:00Z") Instant lastMessageAt,
            @Schema(description = "Its latest message; null before "
                    + "any.", nullable = true) LastMessageSchema lastMessage,
            @Schema(description = "The contact was forgotten: its name and phone are gone for good.", example = "false")
            boolean erased) {
    }

    @Schema(name = "LastMessage", description = "A conversation's latest message: its kind and the sender's message "
            + "id (records carry no message text, so none is shown).")
    public record LastMessageSchema(
            @Schema(description = "MESSAGE_SENT, REPLY_RECEIVED, OPTED_OUT, AGENT_REPLIED or BOT_REPLIED.",
                    example = "REPLY_RECEIVED") ActivityType type,
            @Schema(description = "The sending service's message id.", example = "sm-88412") String messageId) {
    }

    @Schema(name = "CalendarDay", description = "A local date with scheduled launches, its campaigns by launch time.")
    public record CalendarDay(
            @Schema(description = "The local date in the zone asked for.", example = "2026-12-05") LocalDate date,
            @Schema(description = "How many campaigns launch that day.", example = "2") int count,
            @Schema(description = "Those campaigns, by launch time.") List<CalendarCampaign> campaigns) {
    }

    @Schema(name = "CalendarCampaign", description = "A scheduled campaign as the calendar shows it.")
    public record CalendarCampaign(
            @Schema(description = "The campaign's id.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String id,
            @Schema(description = "Its name.", example = "Saturday canvass") String name,
            @Schema(description = "The reusable number it will send from, if it chose one (single-use numbers are "
                    + "only bought at launch).") List<SettingsSchemas.PhoneNumber> phoneNumbers,
            @Schema(description = "Its office.", example = "lisbon") String office,
            @Schema(description = "Its contact list.") SettingsSchemas.ContactList contactList,
            @Schema(description = "When it launches.", example = "2026-12-05T08:00:00Z") Instant launchAt) {
    }

    @Schema(name = "AuditPage", description = "A page of the audit trail, newest first; `more` says whether another "
            + "page follows (the trail is not counted).")
    public record AuditPage(
            @Schema(description = "The events of this page.") List<AuditEntry> items,
            @Schema(description = "The page number, from 0.", example = "0") int page,
            @Schema(description = "The page size asked for.", example = "20") int size,
            @Schema(description = "Another page follows.", example = "true") boolean more) {
    }

    @Schema(name = "AuditEntry", description = "Who did what: one stored event of the trail.")
    public record AuditEntry(
            @Schema(description = "The event's global position in the store.", example = "10452") long globalIndex,
            @Schema(description = "The event's id.", example = "5b0d7c1e-2f4a-4e3b-8c9d-0a1b2c3d4e5f") String eventId,
            @Schema(description = "The campaign it belongs to; null for events of no campaign.",
                    example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b", nullable = true) String campaignId,
            @Schema(description = "Its sequence number in the campaign's stream; null outside one.", example = "7",
                    nullable = true) Long sequence,
            @Schema(description = "The event's name.", example = "Archived") String type,
            @Schema(description = "When it happened.", example = "2026-12-05T10:15:00Z") Instant occurredAt,
            @Schema(description = "The account (or process) that caused it.", example = "admin") String actor,
            @Schema(description = "The id of the request that caused "
                    + "it.", example = "b7e1c2d3-0000-4000-8000-000000000001",
                    nullable = true) String requestId) {
    }

    @Schema(name = "PastCampaign", description = "A campaign as it stood after an event of its stream, folded from its "
            + "history; its readiness and allowed actions are those of that moment.")
    public record PastCampaignSchema(
            @Schema(description = "The campaign's id.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String id,
            @Schema(description = "Its channel.", example = "SMS") Channel channel,
            @Schema(description = "Its status then.", example = "SCHEDULED") CampaignStatus status,
            @Schema(description = "Its settings then.") SettingsSchemas.Settings settings,
            @Schema(description = "When it was created.", example = "2026-12-01T09:00:00Z") Instant createdAt,
            @Schema(description = "Its scheduled launch then; null unless SCHEDULED.", example = "2026-12-05T08:00:00Z",
                    nullable = true) Instant launchAt,
            @Schema(description = "Its numbers then.") List<SettingsSchemas.PhoneNumber> phoneNumbers,
            @Schema(description = "Why it was suspended; null unless SUSPENDED.", nullable = true,
                    example = "Carrier flagged the sender id") String suspendedReason,
            @Schema(description = "Its latest activity kept in its stream then.", nullable = true,
                    example = "2026-12-05T10:15:00Z") Instant lastActivityAt,
            @Schema(description = "When it was due to be archived for inactivity, if warned.", nullable = true,
                    example = "2026-12-12T08:00:00Z") Instant autoArchiveAt,
            @Schema(description = "The version described: the sequence number of its last event folded.", example = "3")
            long version,
            @Schema(description = "The moment described: the `asOf` instant asked for, or when the event of the "
                    + "`version` asked for was stored.", example = "2026-12-04T16:00:00Z")
            Instant asOf,
            @Schema(description = "It could launch at that moment.", example = "true") boolean launchable,
            @Schema(description = "The settings it lacked for launch then.", example = "[]") List<String> missing,
            @Schema(description = "The actions its status allowed then.", example = "[\"update\", \"unschedule\"]")
            List<String> allowedActions) {
    }
}
