extension Texts {
    /// Meetings planned with a time and a place, held, moved or cancelled, and the work list's day.
    static let meetingEntries: [String: (sv: String, en: String)] = [
        "plannedMeetings": ("Planerade möten", "Planned meetings"),
        "heldMeetings": ("Hållna och inställda möten", "Held and cancelled meetings"),
        "noPlannedMeetings": ("Inga planerade möten.", "No planned meetings."),
        "planMeeting": ("Planera ett möte", "Plan a meeting"),
        "planMeetingButton": ("Planera mötet", "Plan the meeting"),
        "meetingTime": ("Tid", "Time"),
        "meetingPlace": ("Plats", "Place"),
        "meetingPlaceHelp": (
            "Till exempel ”Rum 2, Storgatan 4” eller ”Videosamtal”. Syns för de som får se journalen.",
            "For example “Room 2, Storgatan 4” or “Video call”. Shown to those who may see the record."
        ),
        "meetingStatus": ("Läge", "Status"),
        "meetingStatus.planned": ("Planerat", "Planned"),
        "meetingStatus.held": ("Hållet", "Held"),
        "meetingStatus.cancelled": ("Inställt", "Cancelled"),
        "meetingStatus.withdrawn": ("Tillbakataget", "Withdrawn"),
        "meetingChange.withdrawn": ("Taget tillbaka {at} av {by} (registrerat {before})", "Withdrawn {at} by {by} (recorded {before})"),
        "meetingWithdraw": ("Registrerat av misstag? Ta tillbaka mötet", "Recorded by mistake? Withdraw the meeting"),
        "meetingWithdrawReason": ("Varför mötet tas tillbaka", "Why the meeting is withdrawn"),
        "meetingWithdrawHelp": (
            "Mötet finns kvar i journalen som tillbakataget, med orsaken, och räknas inte längre som hållet.",
            "The meeting stays on the record as withdrawn, with the reason, and no longer counts as held."
        ),
        "meetingWithdrawButton": ("Ta tillbaka mötet", "Withdraw the meeting"),
        "meetingWithdrawn": ("Mötet är taget tillbaka.", "The meeting is withdrawn."),
        "problemMeetingNotHeld": ("Bara ett hållet möte kan tas tillbaka.", "Only a held meeting can be withdrawn."),
        "meetingAwaitingOutcome": ("Registrera utfallet", "Record what happened"),
        "meetingChanges": ("Ändringar", "Changes"),
        "meetingChange.moved": ("Flyttat {at} av {by} (var {before})", "Moved {at} by {by} (was {before})"),
        "meetingChange.held": (
            "Registrerat som hållet {at} av {by} (planerat {before})", "Recorded as held {at} by {by} (planned {before})"
        ),
        "meetingChange.cancelled": ("Inställt {at} av {by} (var {before})", "Cancelled {at} by {by} (was {before})"),
        "meetingRecordHeld": ("Registrera som hållet", "Record as held"),
        "meetingRecordHeldButton": ("Spara som hållet", "Save as held"),
        "meetingHeldOn": ("Hölls den", "Held on"),
        "meetingNotYet": (
            "Mötet kan registreras som hållet från och med sin dag. Flytta det om det hölls tidigare.",
            "The meeting can be recorded as held from its day on. Move it if it was held earlier."
        ),
        "meetingMove": ("Flytta mötet", "Move the meeting"),
        "meetingMoveReason": ("Varför (frivilligt)", "Why (optional)"),
        "meetingMoveButton": ("Flytta mötet", "Move the meeting"),
        "meetingCancel": ("Ställ in mötet", "Cancel the meeting"),
        "meetingCancelReason": ("Varför mötet ställs in", "Why the meeting is cancelled"),
        "meetingCancelHelp": (
            "Mötet finns kvar i journalen som inställt, med orsaken.",
            "The meeting stays on the record as cancelled, with the reason."
        ),
        "meetingCancelButton": ("Ställ in mötet", "Cancel the meeting"),
        "meetingCalendarFile": ("Lägg till i kalendern (.ics)", "Add to calendar (.ics)"),
        "meetingCalendarHelp": (
            "Filen innehåller typ av möte, enhet, tid och plats – inget namn.",
            "The file holds the kind of meeting, the unit, the time and the place – no name."
        ),
        "calendarDescription": (
            "Möte i Framsteg. Anteckningar förs i Framsteg, inte i kalendern.",
            "A meeting in Framsteg. Notes are kept in Framsteg, not in the calendar."
        ),
        "meetingPlanned": ("Mötet är planerat.", "The meeting is planned."),
        "meetingMoved": ("Mötet är flyttat.", "The meeting is moved."),
        "meetingHeld": ("Mötet är registrerat som hållet.", "The meeting is recorded as held."),
        "meetingCancelled": ("Mötet är inställt.", "The meeting is cancelled."),
        "nextMeeting": ("Nästa möte", "Next meeting"),
        "noMeetingPlanned": ("Inget planerat", "None planned"),
        "lastHeld": ("senast {day}", "last {day}"),
        "dueMeetingOutcome": ("Registrera utfallet av mötet {day}", "Record what happened at the meeting on {day}"),
        "dueMeetingPlanned": ("{kind} {when}", "{kind} {when}"),
        "problemInvalidTime": ("Ange en tid som TT:MM, till exempel 09:30.", "Enter a time as HH:MM, for example 09:30."),
        "problemInThePast": (
            "Dagen har redan passerat. Välj i dag eller en senare dag.", "That day has passed. Choose today or a later day."
        ),
        "problemInTheFuture": (
            "Ett hållet möte kan inte ligga i framtiden. Planera det i stället.",
            "A held meeting cannot be in the future. Plan it instead."
        ),
        "problemMeetingNotPlanned": (
            "Mötet är redan registrerat som hållet eller inställt.",
            "The meeting has already been recorded as held or cancelled."
        ),
        "problemUnchanged": ("Ändra dag, tid eller plats för att flytta mötet.", "Change the day, time or place to move the meeting."),
    ]
}
