# Lapkin — English

## Menu and help
command-start = Start / show the menu
command-lapor = Report today's work
command-riwayat = My report history
command-skp = My SKP progress
command-nilai = My performance rating
command-persetujuan = Reports waiting for my approval
command-tim = Who in my team has reported
command-evaluasi = Evaluate my team's performance
command-batal = Cancel the current step
command-bantuan = Help
command-bahasa = Change language
command-daftargrup = Link this group to a work unit

start-how-to-join =
    Welcome to Lapkin, the daily performance-report bot for civil servants.

    Your Telegram account is not linked yet. To join, open the personal invite link you received from your HR administrator (BKPSDM) — it looks like t.me/…?start=inv_…

    No link yet? Ask the HR administrator of your agency.
menu =
    Hello, { $name }! What would you like to do?

    { $commands }
menu-commands-employee =
    /report — report today's work
    /history — your report history
    /skp — your SKP progress
    /score — your performance rating
    /language — change language
    /help — help
menu-commands-supervisor =
    /approvals — your team's reports waiting for approval
    /team — who has reported today
    /evaluate — evaluate your team's performance
menu-commands-admin =
    /registergroup — (in a group) link the group to a work unit
help =
    Lapkin lets you report your daily work with evidence photos, follow your SKP progress and receive your supervisor's rating.

    { $commands }

    Send /cancel at any time to leave the current step.
help-unlinked =
    Lapkin is the daily performance-report bot for civil servants. To use it, open the personal invite link from your HR administrator.

## Invite links
invite-linked =
    Welcome, { $name }! Your Telegram account is now linked as { $position } at { $unit }.

    Your roles: { $roles }.

    { $commands }
invite-already-yours = This account is already linked to { $name }. Nothing has changed.
invite-unknown = This invite code is not known. Check the link, or ask your HR administrator for a new one.
invite-used = This invite code has already been used. Each code works once; ask your HR administrator for a new link if needed.
invite-expired = This invite code has expired. Ask your HR administrator for a new one.
invite-revoked = This invite code was replaced by a newer one. Use the latest link your HR administrator sent you.
invite-inactive = The staff record for this invite is not active. Please contact your HR administrator.
invite-other-account = This Telegram account is already linked to another employee. One Telegram account serves one employee; contact your HR administrator if this is wrong.
invite-already-linked = This employee is already linked to another Telegram account. If you changed accounts, ask your HR administrator to reset your link.
invite-throttled = Too many wrong codes. For your security, try again after { $until }.
invite-in-group = For your security, invite codes only work in a private chat with the bot. The code in this group was not used — open your own invite link.

role-employee = employee
role-supervisor = direct supervisor
role-admin = HR administrator
role-penilai = assessment team
role-head = head of unit

## Language
language-choose = Choose a language:
language-set = Language changed to English.
language-unlinked = The language can be saved once your account is linked.

## General
private-only = This command only works in a private chat with the bot, not in a group.
not-linked = Your Telegram account is not linked yet. First open the personal invite link from your HR administrator.
error-generic = Sorry, something went wrong on our side. Your data is safe; please try again in a moment.
button-stale = This button is no longer valid.

## Daily report (/report)
cancel-nothing = There is nothing in progress to cancel.
lapor-cancelled = Report cancelled; the draft was deleted. Send /report to start again.
lapor-revise-cancelled = Revision paused. The changes you made are kept; resubmit from /history.
lapor-draft-found = You have an unfinished draft (date { $date }, { $answered } of 6 answers given). Resume it or start a new one?
lapor-button-resume = ▶️ Resume draft
lapor-button-start-over = 🆕 Start over
lapor-resumed = Resuming your draft.
lapor-idle = Your /report session ended after { $minutes } minutes without an answer. Your answers are kept as a draft — send /report to resume.
lapor-in-progress = You are in the middle of a report. Answer the last question above, or send /cancel to stop.
lapor-use-buttons = Please choose with the buttons above.
weekday = { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
lapor-ask-date = Step 1/6 — Date of the work. Today is { $today }. Choose a button, or type a date (e.g. 23/11/2026).
lapor-button-today = Today ({ $date })
lapor-button-other-day = Another day
lapor-button-other-date = Choose another date
lapor-ask-date-other = Choose the date. A report may be back-dated at most { $days } working days (from { $earliest }).
lapor-date-invalid = That date was not understood. Type it like 23/11/2026, or use a button.
lapor-date-future = That date has not come yet. Reports are for today ({ $today }) or earlier.
lapor-date-too-old = That date is too far back. A report may be back-dated at most { $days } working days, that is from { $earliest }.
lapor-date-day-off = { $date } is a day off ({ $reason }). Report work on this date anyway?
day-off-weekend = not a working day of your unit
leave-CUTI = you are on leave
leave-DINAS_LUAR = you are on official travel
button-yes-continue = Yes, continue
lapor-ask-indicator = Step 2/6 — Choose the { $year } SKP indicator this work supports:
lapor-ask-indicator-none = Step 2/6 — You have no { $year } SKP indicators yet. Record it as an additional task:
lapor-no-indicators = You have no { $year } SKP indicators yet, so a report cannot be made. Please contact your HR administrator. Your answers are kept as a draft.
lapor-indicator-use-buttons = Choose an indicator with the buttons below.
lapor-additional-task = Additional task
lapor-ask-description = Step 3/6 — What did you do? Write { $min }–{ $max } characters.
lapor-description-not-text = Please describe the work as text.
lapor-description-too-short = That is too short ({ $length } characters). Write at least { $min } characters.
lapor-description-too-long = That is too long ({ $length } characters). At most { $max } characters.
lapor-default-unit = activity
lapor-ask-output = Step 4/6 — What was the output? Type a number, optionally with a unit (default unit: { $unit }). Example: 3 or 2,5 { $unit }
lapor-output-invalid = That is not a number. Type the output as a number, e.g. 3 or 2,5 { $unit }.
lapor-output-not-positive = The output must be more than zero.
lapor-ask-minutes = Step 5/6 — How long did it take? Type minutes (e.g. 90) or hours:minutes (e.g. 1:30). At most { $max } minutes.
lapor-minutes-invalid = That time was not understood. Type minutes (e.g. 90) or hours:minutes (e.g. 1:30).
lapor-minutes-range = The time must be between 1 and { $max } minutes.
lapor-minutes-confirm = This logs { $total } minutes (about { $hours } hours) on that day, more than 12 hours. Is that right?
lapor-button-change = Change
lapor-ask-photos = Step 6/6 — Send evidence photos ({ $min }–{ $max }; one by one or as an album; image files are fine). Press Done when finished.
lapor-button-photos-done = ✅ Done
lapor-photo-received = Photo received ({ $count }/{ $max }). Send more, or press Done.
lapor-album-received = Album received. Send more photos, or press Done.
lapor-photos-need = Send at least { $min } photo(s) before pressing Done.
lapor-photos-full = At most { $max } photos; this one was not kept. Press Done to continue.
lapor-photo-not-image = Only photos or image files (JPEG, PNG, WebP, HEIC) are accepted. Send an evidence photo, or press Done.
lapor-photo-too-big = This image file is larger than { $mb } MB. Send it as a normal photo or make it smaller.
lapor-summary =
    Report summary:
    Date: { $date }
    Indicator: { $indicator }
    Work: { $description }
    Output: { $output }
    Time: { $duration } ({ $minutes } minutes)
    Photos: { $photos }

    Send it to your supervisor?
lapor-button-submit = ✅ Submit
lapor-button-edit = ✏️ Edit a field
lapor-button-cancel = ✖️ Cancel
lapor-ask-edit = Which field would you like to change?
lapor-field-date = Date
lapor-field-indicator = Indicator
lapor-field-description = Description
lapor-field-output = Output
lapor-field-minutes = Time
lapor-field-photos = Photos (replace all)
lapor-use-summary-buttons = Choose Submit, Edit a field or Cancel with the buttons above.
lapor-submitted = Report submitted with number { $number }.
lapor-resubmitted = The revised report { $number } was submitted.
lapor-supervisor-notified = Your direct supervisor has been notified.
lapor-supervisor-not-linked = The report is recorded, but your direct supervisor has not linked a Telegram account yet, so nobody was notified.
lapor-reused-evidence = Note: one of the photos was already used on another report; your supervisor will see this mark.
lapor-already-submitted = This report was already submitted (number { $number }). Nothing was sent twice.
lapor-incomplete = The report is not complete yet; please fill in the missing answers.
lapor-revise-intro = Revising report { $number }. The earlier version is kept. Choose the fields to change, then resubmit.
review-request =
    New report { $number } (version { $version }) from { $name }:
    Date: { $date }
    Indicator: { $indicator }
    Work: { $description }
    Output: { $output }
    Time: { $duration }
    Photos: { $photos }
review-request-reused = ⚠️ Possible reused evidence: a photo matches one on another report.

## History (/history)
history-empty = You have no reports yet. Send /report to make one.
history-list =
    Report history (page { $page }/{ $pages }, { $total } in all):
    { $lines }
history-detail =
    Report { $number } — { $status }
    Date: { $date }
    Indicator: { $indicator }
    Work: { $description }
    Output: { $output }
    Time: { $minutes } minutes
    Photos: { $photos }
    Version { $version }, submitted { $submitted }
    Rating: { $rating }
    Supervisor's comment: { $comment }
history-reused-note = ⚠️ One of the photos was already used on another report.
history-button-withdraw = ↩️ Withdraw
history-button-revise = ✏️ Revise and resubmit
history-button-back = ⬅️ Back to the list
history-withdrawn = The report was withdrawn before review. It stays on record as Withdrawn.
history-withdraw-not-allowed = This report can no longer be withdrawn: only reports not yet reviewed can be.
history-revise-not-allowed = Only a report sent back for revision can be edited.
button-previous = ⬅️ Previous
button-next = Next ➡️
status-DRAFT = Draft
status-SUBMITTED = Waiting for review
status-APPROVED = Approved
status-REVISION_REQUESTED = Revision requested
status-REJECTED = Rejected
status-WITHDRAWN = Withdrawn
