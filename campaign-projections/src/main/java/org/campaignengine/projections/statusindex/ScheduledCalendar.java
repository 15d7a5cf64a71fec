package org.campaignengine.projections.statusindex;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.PhoneNumber;

/** The dates of a range that have scheduled launches, in order, each with its campaigns by launch time. */
public record ScheduledCalendar(List<Day> days) {

    public record Day(LocalDate date, int count, List<Entry> campaigns) {
    }

    /**
     * A campaign as the calendar shows it (the lifecycle rules' read models). Its phone numbers are the reusable number it
     * will send from, if it chose one: single-use numbers are only bought at launch.
     */
    public record Entry(String id, String name, List<PhoneNumber> phoneNumbers, String office,
                        ContactList contactList, Instant launchAt) {
    }
}
