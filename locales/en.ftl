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

# --- scheduled reminders and weekly summaries (issue 6) ---
schedule-report-reminder = Hello { $name }, there is no daily report for { $date } yet. Send it with /report before the working day ends.
schedule-report-nudge = Second reminder, { $name }: the daily report for { $date } is still missing. Send it now with /report.
schedule-approval-digest = { $pending } reports from your team are waiting for your approval; { $overdue } of them for more than { $days } working days. Open /approvals.
schedule-deadline-skp-plan = Your SKP for { $year } is not on record yet. The SKP is due by { $date } ({ $days } days left).
schedule-deadline-periodic-evaluation = The periodic performance evaluation { $period } { $year } closes on { $date } ({ $days } days left). { $pending ->
        [one] One person in your team is
       *[other] { $pending } people in your team are
    } not rated yet — send /evaluate.
schedule-deadline-annual-evaluation = The annual performance evaluation { $year } is due by { $date } ({ $days } days left). { $pending ->
        [one] One person in your team is
       *[other] { $pending } people in your team are
    } not rated yet — send /evaluate.
summary-caption =
    📊 { $unit } — week of { $week }
    Reporting rate: { $rate }%
    Approved { $approved } · Pending { $pending } · Revision { $revision } · Rejected { $rejected }
    Average approval time: { $hours } h
    Unit SKP progress: { $skp }%
summary-recognition = 🌟 Recognition candidates: { $names }
summary-chart-series = Reporting rate (%)
summary-head-missing =
    Did not report on these working days:
    { $list }
summary-head-none-missing = Everyone reported on every working day this week.
summary-head-coaching =
    May need coaching:
    { $list }
summary-coaching-low-reporting = reported on fewer than half of the working days
summary-coaching-rejected = had a report rejected
group-register-private = Use this command in your work unit's Telegram group, not in a private chat.
group-register-not-allowed = Only an HR administrator or the head of a unit can link this group.
group-register-choose-unit = Choose the work unit for this group:
group-register-choose-language = Choose the language of this group's summaries:
group-register-done = This group is now linked to { $unit }. The weekly summary will be posted here.
group-register-refused = This button is only for the person who started linking the group and may link that unit.
group-register-no-units = There is no unit you may link.

## Supervisor review (issue 4)
review-card =
    📝 Report { $number } (version { $version })
    Employee: { $name }
    Unit: { $unit }
    Date: { $date }
    Indicator: { $indicator }
    Activity: { $description }
    Output: { $output }
    Time: { $duration }
    Photos: { $photos }
review-card-reused = ⚠️ Possibly reused evidence: one of the photos is the same as a photo on another report.
review-button-approve = ✅ Approve
review-button-revise = ✏️ Revision
review-button-reject = ❌ Reject
review-button-back = ⬅️ Back
review-button-rating-ABOVE = Above expectations
review-button-rating-MEETS = Meets expectations
review-button-rating-BELOW = Below expectations
rating-ABOVE = above expectations
rating-MEETS = meets expectations
rating-BELOW = below expectations
review-acting-SUPERVISOR = direct supervisor
review-acting-DELEGATE = acting delegate
review-acting-ADMIN = admin
review-outcome-APPROVED = ✅ Approved by { $reviewer } ({ $acting }): { $rating }.
review-outcome-REVISION_REQUESTED = ✏️ Revision requested by { $reviewer } ({ $acting }): { $comment }
review-outcome-REJECTED = ❌ Rejected by { $reviewer } ({ $acting }): { $comment }
review-notice-APPROVED = ✅ Report { $number } of { $date } was approved by { $reviewer }, rated { $rating }.
review-notice-REVISION_REQUESTED =
    ✏️ Report { $number } of { $date } needs revision. Note from { $reviewer }:
    { $comment }
    Open /history to revise and resubmit it.
review-notice-REJECTED =
    ❌ Report { $number } of { $date } was rejected by { $reviewer }. Reason:
    { $comment }
review-ask-REVISION_REQUESTED = Write the revision note for { $name } (report { $number }). It is sent to the employee. Type /cancel to cancel.
review-ask-REJECTED = Write the reason for rejecting report { $number } of { $name }. It is sent to the employee. Type /cancel to cancel.
review-comment-too-short = The note is too short: write at least { $min } characters, or /cancel.
review-comment-too-long = The note is too long ({ $length } characters): at most { $max }. Send a shorter one, or /cancel.
review-comment-cancelled = Cancelled; the report is not decided yet.
review-done-APPROVED = Report { $number } approved ({ $rating }). { $name } is notified.
review-done-REVISION_REQUESTED = Revision request for report { $number } sent to { $name }.
review-done-REJECTED = Rejection of report { $number } sent to { $name }.
review-denied-own-report = You cannot decide on your own report.
review-denied-not-reviewer = You may not decide on this report: only the employee's direct supervisor, an acting delegate set by an admin, or an admin.
review-denied-former-supervisor = You are no longer this employee's direct supervisor, so this button no longer works for you.
review-stale-decided = This report was already decided by { $name }.
review-stale-withdrawn = The employee has withdrawn this report.
review-stale-newer-version = The employee has sent a newer version; this button is for an old one.
review-stale-not-submitted = This report is not waiting for review.
review-unknown = This button is not recognised.
approvals-empty = No reports are waiting for your decision.
approvals-list =
    Reports waiting for a decision (page { $page }/{ $pages }, { $total } in all), oldest first:
    { $lines }
approvals-button-approve-all = ✅ Approve all shown (meets expectations)
approvals-confirm = Approve the { $count } reports shown, rated meets expectations?
approvals-button-confirm = Yes, approve all
approvals-button-cancel = Cancel
approvals-approved-all = { $approved } reports approved (meets expectations); { $skipped } skipped as already decided or not yours to decide.
approvals-not-reviewer = This command is for supervisors: you have no subordinates and no acting assignment.
team-header = Your team today, { $date }:
team-reported = ✅ Reported:
team-missing = ⏳ Not reported yet:
team-off = 🏖 Not on duty today:
team-none = (none)
team-waiting = Reports waiting for your decision: { $count }. Open /approvals.
team-off-weekend = not a working day
team-off-leave-CUTI = on leave
team-off-leave-DINAS_LUAR = official travel
escalation-remind = ⏰ Report { $number } from { $name } (dated { $date }) has waited { $days } working days for your decision. Open /approvals.
escalation-escalate = ⏰ Report { $number } from { $name } (dated { $date }) has not been decided by their supervisor, { $supervisor }, for { $days } working days.

## SKP progress (/skp)
skp-none = You have no SKP for { $year } yet, so there is no progress to show. Ask the HR admin to import your SKP.
skp-header = 📊 SKP progress { $year } — { $name }
skp-period = Evaluation period: { $period } (ends { $end }); { $days } days left, { $workdays } working days.
skp-period-quarter = Quarter { $quarter } { $year }
skp-rhk-main = 🎯 Main work result: { $rhk }
skp-rhk-additional = ➕ Additional work result: { $rhk }
skp-indicator = { $code } { $indicator }
skp-target = Target { $target } { $unit } • realised { $realisation } { $unit } • { $percent }%
skp-target-prorated = Target { $target } { $unit } a year (due by this period { $due }) • realised { $realisation } { $unit } • { $percent }%
skp-target-period = Target { $period }: { $target } { $unit } • realised { $realisation } { $unit } • { $percent }%
skp-timing-past = (this target's period has ended)
skp-timing-future = (this target's period has not started)
skp-pending = ⏳ Awaiting approval: { $output } { $unit } ({ $count } reports)
skp-pending-count = ⏳ Awaiting approval: { $count } reports
skp-page = Page { $page }/{ $pages }

## Admins' daily digest: messages that could not be delivered
admin-digest-title = ⚠️ { $count } messages could not be delivered in the last 24 hours. Ask these people/groups to open the chat with the bot again:
admin-digest-line = • { $who } — { $kind }, { $at }: { $error }
admin-digest-more = … and { $count } more.

## Messages not understood
fallback-linked = Sorry, I did not understand that. Send /report to report your work, or /help for all commands.

## Periodic performance evaluation (/evaluate)
predicate-SANGAT_BAIK = Very good (Sangat Baik)
predicate-BAIK = Good (Baik)
predicate-BUTUH_PERBAIKAN = Needs improvement (Butuh Perbaikan)
predicate-KURANG = Poor (Kurang)
predicate-SANGAT_KURANG = Very poor (Sangat Kurang)
band-SANGAT_BAIK = Very good
band-BAIK = Good
band-CUKUP = Fair
band-KURANG = Poor
band-BURUK = Bad
band-SANGAT_KURANG = Very poor
berakhlak-BERORIENTASI_PELAYANAN = Service-oriented (Berorientasi Pelayanan)
berakhlak-AKUNTABEL = Accountable (Akuntabel)
berakhlak-KOMPETEN = Competent (Kompeten)
berakhlak-HARMONIS = Harmonious (Harmonis)
berakhlak-LOYAL = Loyal
berakhlak-ADAPTIF = Adaptive (Adaptif)
berakhlak-KOLABORATIF = Collaborative (Kolaboratif)
organisational-ISTIMEWA = Excellent
organisational-BAIK = Good
organisational-BUTUH_PERBAIKAN = Needs improvement
organisational-KURANG = Poor
organisational-SANGAT_KURANG = Very poor
evaluation-period-year = Annual { $year }
evaluation-choose-period = Which period do you want to evaluate?
evaluation-no-subordinates = You have no subordinates to evaluate. An admin can open an employee's evaluation with /evaluate <NIP>.
evaluation-admin-usage = Send /evaluate <NIP> to open an employee's evaluation.
evaluation-unknown-nip = No employee has NIP { $nip }.
evaluation-list-header = 📋 Performance evaluation { $period } (due { $closes }) — { $done } of { $total } done:
evaluation-list-done = ✅ { $name } — { $outcome }
evaluation-list-todo = ⏳ { $name } — not yet evaluated
evaluation-facts-header =
    📊 { $name } ({ $nip })
    { $position } • { $period }
    SKP realisation (approved):
evaluation-facts-no-skp = (no SKP for this year yet)
evaluation-facts-indicator = • { $code } { $indicator } [{ $kind }]: { $realisation }/{ $target } { $unit } ({ $percent }%)
evaluation-rhk-main = main
evaluation-rhk-additional = additional
evaluation-facts-stats = Reports this period: { $approved } approved, { $revised } sent back for revision, { $rejected } rejected; average approval time { $hours } hours.
evaluation-suggestion = 💡 Suggested by the realisation: work results { $rating }. The decision is yours.
evaluation-suggestion-none = 💡 No main indicator to base a suggestion on yet.
evaluation-ask-results = Work-result rating for { $name }?
evaluation-ask-behaviour = Work-behaviour (BerAKHLAK) rating for { $name }? Choose one overall rating, or rate each BerAKHLAK value.
evaluation-button-per-value = Rate each BerAKHLAK value
evaluation-ask-value = { $value } ({ $n }/{ $of })?
evaluation-ask-behaviour-score = Send { $name }'s work-behaviour score (0–100).
evaluation-score-invalid = The behaviour score must be a number from 0 to 100, e.g. 85 or 87.5.
evaluation-ask-feedback = Write feedback for { $name } ({ $min }–{ $max } characters). It is sent to the employee. Send /cancel to stop; your answers so far are kept.
evaluation-feedback-too-short = The feedback is too short: write at least { $min } characters.
evaluation-feedback-too-long = The feedback is too long ({ $length } characters): at most { $max } characters.
evaluation-cancelled = Stopped. Your answers so far are kept; open it again with /evaluate.
evaluation-summary-header = 📝 Evaluation summary for { $name }:
evaluation-summary-results = Work results: { $rating }
evaluation-summary-behaviour = Work behaviour: { $rating }
evaluation-summary-predicate = Performance predicate: { $predicate }
evaluation-summary-legacy = Mode { $mode }: SKP score { $skp }, behaviour { $behaviour } → final score { $final } ({ $band })
evaluation-summary-feedback = Feedback: { $feedback }
evaluation-distribution-header = ⚠️ This unit's spread of predicates (organisational result: { $result }) departs from the guideline:
evaluation-distribution-max = • { $predicate }: { $actual }% (at most { $limit }%)
evaluation-distribution-min = • { $predicate }: { $actual }% (at least { $limit }%)
evaluation-distribution-advisory = This is only a warning; you can still finalise.
evaluation-below-baik = below Good
evaluation-button-finalise = ✅ Finalise
evaluation-button-edit = ✏️ Change answers
evaluation-button-amend = ✏️ Amend (admin)
evaluation-finalised = ✅ { $name }'s evaluation is final: { $outcome }. The employee has been told.
evaluation-all-done = 🎉 All your subordinates are evaluated for { $period }.
evaluation-final-header = ✅ { $name }'s evaluation was finalised by { $by } on { $date }:
evaluation-notice = 📊 Your performance evaluation for { $period } was finalised by { $by }: { $outcome }.
evaluation-notice-more = See all your ratings with /score.
evaluation-already = This evaluation was already finalised by { $name }. Only an admin can change it.
evaluation-incomplete = Some answers are still missing.
evaluation-stale = This button or question is no longer valid. Open it again with /evaluate.
evaluation-unknown = This evaluation is not recognised.
evaluation-denied-own = You cannot evaluate yourself.
evaluation-denied-not-evaluator = You may not evaluate this employee: only their direct supervisor, a delegate an admin appointed, or an admin.
evaluation-amend-admin-only = A finalised evaluation can only be changed by an admin.
evaluation-reopened = { $name }'s evaluation is open for amendment. The previous values are in the audit log.

## /score
score-header = 📈 Performance ratings — { $name }
score-none = Your supervisor has not finalised a periodic evaluation for you yet.
score-evaluation = • { $period }: { $predicate } (work results { $results }, behaviour { $behaviour }) — by { $by }, { $date }
score-evaluation-legacy = • { $period }: score { $final } ({ $band }, mode { $mode }) — by { $by }, { $date }
score-current = Current period: { $period }
score-suggestion = 💡 Suggested work-result rating from your realisation so far: { $rating }. Your supervisor decides.
score-main-average = Average achievement of { $count } main indicators: { $percent }% of the target due by the end of the period.
score-stats = Reports in { $year }: { $approved } approved, { $revised } sent back for revision, { $rejected } rejected; average approval time { $hours } hours.

# --- feedback (service counters, citizen survey, complaints) ---
poster-title = Community Satisfaction Survey
poster-instruction = Scan this QR code with your phone's camera and rate our service in Telegram — under a minute, no sign-up.
survey-unknown = This service code is not known. Scan the QR code at the counter again, or ask the staff.
survey-throttled-counter = Thank you, you have already rated this service today. You can rate it again tomorrow.
survey-throttled-day = Thank you, you have answered enough surveys for today. Please come back tomorrow.
survey-question = Community Satisfaction Survey — { $counter }, { $unit }
    Question { $number } of 9: { $question }
survey-overall-question = Community Satisfaction Survey — { $counter }, { $unit }
    Overall, how was the service you received?
survey-element-PERSYARATAN = How well do the service requirements fit the kind of service?
survey-element-PROSEDUR = How easy are the service's system, mechanism and procedure?
survey-element-WAKTU = How fast was the service completed?
survey-element-BIAYA = How fair is the fee (or, if free, was it really free)?
survey-element-PRODUK = How well does the result match what the service promises?
survey-element-KOMPETENSI = How competent were the staff?
survey-element-PERILAKU = How did the staff behave (courtesy and friendliness)?
survey-element-PENGADUAN = How are complaints, suggestions and feedback handled?
survey-element-SARANA = How good are the facilities?
survey-element-short-PERSYARATAN = requirements
survey-element-short-PROSEDUR = procedure
survey-element-short-WAKTU = completion time
survey-element-short-BIAYA = fee
survey-element-short-PRODUK = service result
survey-element-short-KOMPETENSI = staff competence
survey-element-short-PERILAKU = staff behaviour
survey-element-short-PENGADUAN = complaint handling
survey-element-short-SARANA = facilities
survey-score-1 = 1 Poor
survey-score-2 = 2 Fair
survey-score-3 = 3 Good
survey-score-4 = 4 Very good
survey-overall-only = ⏩ Overall rating only
survey-comment-question = Any suggestion or comment? Type it here (up to 1,000 characters), or press Skip.
survey-comment-skip = Skip
survey-comment-too-long = A comment holds at most { $max } characters. Please shorten it and send it again.
survey-complaint-question = Is this a complaint the head of the unit should follow up?
survey-complaint-yes = Yes, a complaint
survey-complaint-no = No
survey-thanks = Thank you for your rating! Your feedback helps us improve the service.
survey-thanks-complaint = Thank you. Your complaint is recorded as { $number }. The follow-up will be sent to this chat.
survey-left = Survey stopped. The answers you gave are kept.
complaint-card = 📣 Complaint { $number }
    { $unit } — { $counter }
    Received: { $received }
    Follow-up due: { $due }
    Low scores: { $low }
    Overall score: { $overall }
    Comment: { $comment }
complaint-button-follow-up = 📝 Follow up
complaint-button-done = ✅ Done
complaint-receipt = Your complaint is recorded as { $number }.
complaint-follow-up-citizen = Follow-up of complaint { $number }:
    { $note }
complaint-not-allowed = You may not handle this complaint.
complaint-ask-note = Type the follow-up note for the citizen (up to 1,000 characters).
complaint-note-length = The follow-up note must have 1 to { $max } characters.
complaint-followed-up = The follow-up of complaint { $number } was sent to the citizen.
complaint-done = Complaint { $number } marked done.
complaint-closed = Complaint { $number } is already done; nothing changed.
complaint-remind = ⏰ Complaint { $number } ({ $unit }) has no follow-up yet; it was due { $due }. Please follow it up.
complaint-escalate = ⚠️ Complaint { $number } at { $unit } was not followed up by the head of the unit by { $due }.
summary-ikm = Community satisfaction index this month: { $score } (grade { $band })
