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
    <b>Welcome to Lapkin, the daily performance-report bot for civil servants.</b>

    Your Telegram account is not linked yet. To join, open the personal invite link you received from your HR administrator (BKPSDM) — it looks like t.me/…?start=inv_…

    No link yet? Ask the HR administrator of your agency.
menu =
    <b>Hello, { $name }! What would you like to do?</b>

    { $commands }
menu-commands-employee =
    /report — report today's work
    /history — your report history
    /skp — your SKP progress
    /score — your performance rating
    /download — this month's daily progress for e-Kinerja (XLSX)
    /peers — BerAKHLAK feedback for your colleagues (anonymous)
    /language — change language
    /help — help
menu-commands-supervisor =
    /approvals — your team's reports waiting for approval
    /team — who has reported today
    /evaluate — evaluate your team's performance
    /feedback — continuous feedback to a subordinate
    /peers ask — ask your team for peer feedback now
menu-commands-admin =
    /registergroup — (in a group) link the group to a work unit
help =
    <b>Lapkin lets you report your daily work with evidence photos, follow your SKP progress and receive your supervisor's rating.</b>

    { $commands }

    Send /cancel at any time to leave the current step.
help-unlinked =
    Lapkin is the daily performance-report bot for civil servants. To use it, open the personal invite link from your HR administrator.

## Invite links
invite-linked =
    <b>Welcome, { $name }! Your Telegram account is now linked as { $position } at { $unit }.</b>

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
lapor-draft-found = You have an unfinished draft (date <b>{ $date }</b>, { $answered } of 6 answers given). Resume it or start a new one?
lapor-button-resume = ▶️ Resume draft
lapor-button-start-over = 🆕 Start over
lapor-resumed = Resuming your draft.
lapor-idle = Your /report session ended after { $minutes } minutes without an answer. Your answers are kept as a draft — send /report to resume.
lapor-in-progress = You are in the middle of a report. Answer the last question above, or send /cancel to stop.
lapor-use-buttons = Please choose with the buttons above.
lapor-edit-ignored = Editing a message already sent does not change the report. Answer the last question above; answers already given can be changed with Edit a field before Submit.
weekday = { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
lapor-ask-date = Step 1/6 — Date of the work. Today is <b>{ $today }</b>. Choose a button, or type a date (e.g. 23/11/2026).
lapor-button-today = Today ({ $date })
lapor-button-other-day = Another day
lapor-button-other-date = Choose another date
lapor-ask-date-other = Choose the date. A report may be back-dated at most { $days } working days (from <b>{ $earliest }</b>).
lapor-date-invalid = That date was not understood. Type it like 23/11/2026, or use a button.
lapor-date-future = That date has not come yet. Reports are for today (<b>{ $today }</b>) or earlier.
lapor-date-too-old = That date is too far back. A report may be back-dated at most { $days } working days, that is from <b>{ $earliest }</b>.
lapor-date-day-off = <b>{ $date }</b> is a day off ({ $reason }). Report work on this date anyway?
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
lapor-ask-minutes = Step 5/6 — When, or how long? Type the start and end (e.g. 08.00-10.30), or the minutes (e.g. 90) or hours:minutes (e.g. 1:30). At most { $max } minutes.
lapor-minutes-invalid = That time was not understood. Type the start and end (e.g. 08.00-10.30), minutes (e.g. 90) or hours:minutes (e.g. 1:30).
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
    <b>Report summary:</b>
    Date: <b>{ $date }</b>
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
lapor-submitted = Report submitted with number <b>{ $number }</b>.
lapor-resubmitted = The revised report <b>{ $number }</b> was submitted.
lapor-supervisor-notified = Your direct supervisor has been notified.
lapor-supervisor-not-linked = The report is recorded, but your direct supervisor has not linked a Telegram account yet, so nobody was notified.
lapor-reused-evidence = Note: one of the photos was already used on another report; your supervisor will see this mark.
lapor-already-submitted = This report was already submitted (number <b>{ $number }</b>). Nothing was sent twice.
lapor-incomplete = The report is not complete yet; please fill in the missing answers.
lapor-revise-intro = Revising report <b>{ $number }</b>. The earlier version is kept. Choose the fields to change, then resubmit.
review-request =
    <b>New report { $number } (version { $version }) from { $name }:</b>
    Date: <b>{ $date }</b>
    Indicator: { $indicator }
    Work: { $description }
    Output: { $output }
    Time: { $duration }
    Photos: { $photos }
review-request-reused = ⚠️ Possible reused evidence: a photo matches one on another report.

## History (/history)
history-empty = You have no reports yet. Send /report to make one.
history-list =
    <b>Report history (page { $page }/{ $pages }, { $total } in all):</b>
    { $lines }
history-detail =
    <b>Report { $number } — { $status }</b>
    Date: <b>{ $date }</b>
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
schedule-report-reminder = Hello { $name }, there is no daily report for <b>{ $date }</b> yet. Send it with /report before the working day ends.
schedule-report-nudge = Second reminder, { $name }: the daily report for <b>{ $date }</b> is still missing. Send it now with /report.
schedule-approval-digest = { $pending } reports from your team are waiting for your approval; { $overdue } of them for more than { $days } working days. Open /approvals.
schedule-deadline-skp-plan = Your SKP for { $year } is not on record yet. The SKP is due by <b>{ $date }</b> ({ $days } days left).
schedule-deadline-periodic-evaluation = The periodic performance evaluation { $period } { $year } closes on <b>{ $date }</b> ({ $days } days left). { $pending ->
        [one] One person in your team is
       *[other] { $pending } people in your team are
    } not rated yet — send /evaluate.
schedule-deadline-annual-evaluation = The annual performance evaluation { $year } is due by <b>{ $date }</b> ({ $days } days left). { $pending ->
        [one] One person in your team is
       *[other] { $pending } people in your team are
    } not rated yet — send /evaluate.
summary-caption =
    <b>📊 { $unit } — week of { $week }</b>
    Reporting rate: { $rate }%
    Approved { $approved } · Pending { $pending } · Revision { $revision } · Rejected { $rejected }
    Average approval time: { $hours } h
    Unit SKP progress: { $skp }%
summary-recognition = 🌟 Recognition candidates: { $names }
summary-chart-series = Reporting rate (%)
summary-head-missing =
    <b>Did not report on these working days:</b>
    { $list }
summary-head-none-missing = Everyone reported on every working day this week.
summary-head-coaching =
    <b>May need coaching:</b>
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
    <b>📝 Report { $number } (version { $version })</b>
    Employee: { $name }
    Unit: { $unit }
    Date: <b>{ $date }</b>
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
review-notice-APPROVED = ✅ Report <b>{ $number }</b> of <b>{ $date }</b> was approved by { $reviewer }, rated { $rating }.
review-notice-REVISION_REQUESTED =
    ✏️ Report <b>{ $number }</b> of <b>{ $date }</b> needs revision. Note from { $reviewer }:
    { $comment }
    Open /history to revise and resubmit it.
review-notice-REJECTED =
    ❌ Report <b>{ $number }</b> of <b>{ $date }</b> was rejected by { $reviewer }. Reason:
    { $comment }
review-ask-REVISION_REQUESTED = Write the revision note for { $name } (report <b>{ $number }</b>). It is sent to the employee. Type /cancel to cancel.
review-ask-REJECTED = Write the reason for rejecting report <b>{ $number }</b> of { $name }. It is sent to the employee. Type /cancel to cancel.
review-comment-too-short = The note is too short: write at least { $min } characters, or /cancel.
review-comment-too-long = The note is too long ({ $length } characters): at most { $max }. Send a shorter one, or /cancel.
review-comment-cancelled = Cancelled; the report is not decided yet.
review-done-APPROVED = Report <b>{ $number }</b> approved ({ $rating }). { $name } is notified.
review-done-REVISION_REQUESTED = Revision request for report <b>{ $number }</b> sent to { $name }.
review-done-REJECTED = Rejection of report <b>{ $number }</b> sent to { $name }.
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
    <b>Reports waiting for a decision (page { $page }/{ $pages }, { $total } in all), oldest first:</b>
    { $lines }
approvals-button-approve-all = ✅ Approve all shown (meets expectations)
approvals-confirm = Approve the { $count } reports shown, rated meets expectations?
approvals-button-confirm = Yes, approve all
approvals-button-cancel = Cancel
approvals-approved-all = { $approved } reports approved (meets expectations); { $skipped } skipped as already decided or not yours to decide.
approvals-not-reviewer = This command is for supervisors: you have no subordinates and no acting assignment.
team-header = <b>Your team today, { $date }:</b>
team-reported = <b>✅ Reported:</b>
team-missing = <b>⏳ Not reported yet:</b>
team-off = <b>🏖 Not on duty today:</b>
team-none = (none)
team-waiting = Reports waiting for your decision: { $count }. Open /approvals.
team-off-weekend = not a working day
team-off-leave-CUTI = on leave
team-off-leave-DINAS_LUAR = official travel
escalation-remind = ⏰ Report <b>{ $number }</b> from { $name } (dated <b>{ $date }</b>) has waited { $days } working days for your decision. Open /approvals.
escalation-escalate = ⏰ Report <b>{ $number }</b> from { $name } (dated <b>{ $date }</b>) has not been decided by their supervisor, { $supervisor }, for { $days } working days.

## SKP progress (/skp)
skp-none = You have no SKP for { $year } yet, so there is no progress to show. Ask the HR admin to import your SKP.
skp-header = <b>📊 SKP progress { $year } — { $name }</b>
skp-period = Evaluation period: { $period } (ends <b>{ $end }</b>); { $days } days left, { $workdays } working days.
skp-period-quarter = Quarter { $quarter } { $year }
skp-rhk-main = <b>🎯 Main work result: { $rhk }</b>
skp-rhk-additional = <b>➕ Additional work result: { $rhk }</b>
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
admin-digest-title = <b>⚠️ { $count } messages could not be delivered since the previous digest. Ask these people/groups to open the chat with the bot again:</b>
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
evaluation-no-subordinates = You have no subordinates to evaluate. An admin can open an employee's evaluation with /evaluate &lt;NIP&gt;.
evaluation-admin-usage = Send /evaluate &lt;NIP&gt; to open an employee's evaluation.
evaluation-unknown-nip = No employee has NIP { $nip }.
evaluation-list-header = <b>📋 Performance evaluation { $period } (due { $closes }) — { $done } of { $total } done:</b>
evaluation-list-done = ✅ { $name } — { $outcome }
evaluation-list-todo = ⏳ { $name } — not yet evaluated
evaluation-list-page = <i>Employees { $from }–{ $to } of { $total }:</i>
evaluation-facts-header =
    <b>📊 { $name } ({ $nip })</b>
    { $position } • { $period }
    SKP realisation (approved):
evaluation-facts-no-skp = (no SKP for this year yet)
evaluation-facts-indicator = • { $code } { $indicator } [{ $kind }]: { $realisation }/{ $target } { $unit } ({ $percent }%)
evaluation-rhk-main = main
evaluation-rhk-additional = additional
evaluation-facts-stats = Reports this period: { $approved } approved, { $revised } sent back for revision, { $rejected } rejected; average approval time { $hours } hours.
evaluation-suggestion = 💡 Suggested by the realisation: work results { $rating }. The decision is yours.
evaluation-suggestion-none = 💡 No main indicator to base a suggestion on yet.
evaluation-service-header = <b>🏪 Service to the public</b> (input to weigh, never a rating by itself):
evaluation-service-counter = • { $name } ({ $unit }): IKM { $ikm }
evaluation-service-unit = • Whole unit { $name }: IKM { $ikm }
evaluation-service-ikm = { $score } (grade { $band }), { $respondents } respondents
evaluation-service-no-answers = no respondents yet
evaluation-service-unrepresentative = — not yet representative
evaluation-service-complaints = { "  " }Complaints: { $total } ({ $open } not closed, { $overdue } overdue): { $numbers }{ $more ->
        [0] {""}
       *[other] , and { $more } more
    }
evaluation-service-complaints-none = { "  " }Complaints: none
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
evaluation-summary-header = <b>📝 Evaluation summary for { $name }:</b>
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
evaluation-final-header = <b>✅ { $name }'s evaluation was finalised by { $by } on { $date }:</b>
evaluation-notice = 📊 Your performance evaluation for { $period } was finalised by { $by }: <b>{ $outcome }</b>.
evaluation-notice-more = See all your ratings with /score.
evaluation-already = This evaluation was already finalised by { $name }. Only an admin can change it.
evaluation-incomplete = Some answers are still missing.
evaluation-stale = This button or question is no longer valid. Open it again with /evaluate.
evaluation-unknown = This evaluation is not recognised.
evaluation-period-not-ended = This period has not ended yet, so it cannot be evaluated.
evaluation-denied-own = You cannot evaluate yourself.
evaluation-denied-not-evaluator = You may not evaluate this employee: only their direct supervisor, a delegate an admin appointed, or an admin.
evaluation-amend-admin-only = A finalised evaluation can only be changed by an admin.
evaluation-reopened = { $name }'s evaluation is open for amendment. The previous values are in the audit log.

## /score
score-header = <b>📈 Performance ratings — { $name }</b>
score-none = Your supervisor has not finalised a periodic evaluation for you yet.
score-evaluation = • { $period }: { $predicate } (work results { $results }, behaviour { $behaviour }) — by { $by }, <b>{ $date }</b>
score-evaluation-legacy = • { $period }: score { $final } ({ $band }, mode { $mode }) — by { $by }, <b>{ $date }</b>
score-current = Current period: { $period }
score-suggestion = 💡 Suggested work-result rating from your realisation so far: { $rating }. Your supervisor decides.
score-main-average = Average achievement of { $count } main indicators: { $percent }% of the target due by the end of the period.
score-stats = Reports in { $year }: { $approved } approved, { $revised } sent back for revision, { $rejected } rejected; average approval time { $hours } hours.

# --- dashboard (issue 15) ---
command-dasbor = Open the web dashboard
dasbor-off = The web dashboard is not enabled on this server. Please contact HR.
dasbor-link = Your dashboard sign-in link (single use, valid for { $minutes } minutes):
    { $url }
    Do not share this link with anyone.
dasbor-title = Lapkin dashboard
dasbor-login-throttled = Too many failed sign-in attempts from this address. Wait a few minutes, then ask the bot for a new link with /dashboard.
dasbor-login-invalid = This sign-in link is not valid (already used, expired or wrong). Ask the bot for a new one with /dashboard.
dasbor-logged-out = You are signed out. To sign in again, send /dashboard to the bot.
dasbor-signed-out = Your session has ended or you are not signed in. Send /dashboard to the bot for a sign-in link.
dasbor-csrf = This form has expired. Reload the page and try again.
dasbor-bad-text = This input holds a NUL character, which cannot be stored. Remove it and try again.
dasbor-nav-me = Me
dasbor-nav-team = Team
dasbor-nav-unit = Unit
dasbor-nav-admin = Admin
dasbor-logout = Sign out
dasbor-prev = Previous
dasbor-next = Next
dasbor-page = Page { $page } of { $pages } ({ $total } rows)
dasbor-csv = Download CSV
dasbor-forbidden-title = Access denied
dasbor-forbidden = You may not open this page.
dasbor-me-title = My performance
dasbor-reports = Daily reports
dasbor-filter-from = From
dasbor-filter-to = To
dasbor-filter-status = Status
dasbor-filter-indicator = Indicator
dasbor-filter-apply = Apply
dasbor-all = All
dasbor-none = Nothing yet.
dasbor-col-date = Date
dasbor-col-number = Number
dasbor-col-indicator = Indicator
dasbor-col-description = Description
dasbor-col-output = Output
dasbor-col-status = Status
dasbor-col-evidence = Evidence
dasbor-col-target = Target to date
dasbor-col-realisation = Realisation
dasbor-col-period = Period
dasbor-col-results = Work results
dasbor-col-behaviour = Work behaviour
dasbor-col-predicate = Predicate
dasbor-col-feedback = Feedback
dasbor-col-name = Name
dasbor-col-unit = Unit
dasbor-col-today = Today
dasbor-skp = SKP progress
dasbor-no-skp = No SKP for this year yet.
dasbor-ratings = Ratings per period
dasbor-evidence-missing = Evidence file not found.
dasbor-decision-APPROVED = Report approved; the employee has been told.
dasbor-decision-REVISION_REQUESTED = Revision request sent to the employee.
dasbor-decision-REJECTED = Report rejected; the employee has been told.
dasbor-decision-stale = This report was already decided, withdrawn, or replaced by a newer version.
dasbor-decision-denied = You may not decide on this report.
dasbor-decision-unknown = Report not found.
dasbor-decision-comment = Choose a rating to approve, or write a note of 5–1000 characters to ask for a revision or reject.
dasbor-team-title = My team
dasbor-team-today = Reports today
dasbor-day-off = Day off / leave
dasbor-reported = { $count } reports
dasbor-not-reported = Not reported yet
dasbor-pending = Waiting for approval ({ $count })
dasbor-rating = Rating
dasbor-note = Note
dasbor-admin-title = HR administration
dasbor-download = Download
dasbor-export-title = e-Kinerja export
dasbor-export-period = Month or quarter
dasbor-export-bad-period = Write the period as a month (2026-10) or a quarter (2026-Q3).
dasbor-export-bad-unit = Unknown unit code.
dasbor-invites-title = Invites
dasbor-invites-issue = Issue invites and download the CSV
dasbor-invites-no-bot = The bot's name is not known yet; issue invites with lapkin invites.
dasbor-policy-title = Policy in force
dasbor-policy-key = Key
dasbor-policy-value = Value
dasbor-policy-source = Source
dasbor-policy-default = default
dasbor-policy-import = import (default { $value })
dasbor-audit-title = Audit log
dasbor-audit-at = Time
dasbor-audit-actor = Actor
dasbor-audit-action = Action
dasbor-audit-entity = Entity
dasbor-audit-change = Change
dasbor-import-title = Import data
dasbor-import-file = CSV or XLSX file
dasbor-import-check = Check
dasbor-import-run = Import
dasbor-import-bad-file = Choose one .csv or .xlsx file (at most 20 MB).
dasbor-import-refused = File refused: { $count } problems. Nothing was written. Fix the rows below and upload again.
dasbor-import-checked = The file passed the checks. Nothing is written yet; press Import to save it.
dasbor-import-done = Import finished.
dasbor-import-failed = The import failed; nothing was written. Upload again to see the problems.
dasbor-import-gone = This upload no longer exists. Upload the file again.
dasbor-import-created = New
dasbor-import-updated = Changed
dasbor-import-unchanged = Unchanged
dasbor-import-units = Units
dasbor-import-employees = Employees
dasbor-import-indicators = SKP indicators
dasbor-import-leave = Leave
dasbor-unit-title = Work unit
dasbor-unit-all = All units (the whole instansi)
dasbor-unit-headcount = { $count } active employees.
dasbor-unit-rate = Reporting rate per working day
dasbor-unit-reporters = Employees reporting
dasbor-unit-approvals = Approvals
dasbor-unit-approval-stats = Waiting: { $pending } (over { $days } working days: { $overdue }). Decided in this range: { $decided }, on average { $hours } hours after submission.
dasbor-unit-skp = { $plans } SKPs with current main indicators: average achievement { $percent }% of the target to date; { $onTarget } at 100% or more.
dasbor-unit-evaluations = Performance predicates
dasbor-unit-spread = { $total } finalised evaluations. Organisational result: { $result }.
dasbor-spread-max = Note: { $predicate } { $actual }, above the limit of { $limit }.
dasbor-spread-min = Note: { $predicate } { $actual }, below the expected { $limit }.
dasbor-below-baik = below Baik
dasbor-unit-people = Reporting per employee
dasbor-unit-days = Days reported
dasbor-result-ISTIMEWA = Outstanding
dasbor-result-BAIK = Good
dasbor-result-BUTUH_PERBAIKAN = Needs improvement
dasbor-result-KURANG = Poor
dasbor-result-SANGAT_KURANG = Very poor
# --- e-Kinerja progress ---
lapor-time-outside-day = Times must be between 00.00 and 24.00 (minutes 00–59), e.g. 08.00-10.30.
lapor-time-end-not-after-start = The end must be after the start, e.g. 08.00-10.30.
lapor-time-overlap-confirm = This time overlaps another report of the same day ({ $start }–{ $end }). Keep it anyway?
lapor-summary-range = { $start }–{ $end }, { $duration }
lapor-ask-action-plan = Step 2/6 — Which action plan (rencana aksi) of the indicator "{ $indicator }"?
lapor-action-plan-use-buttons = Pick the action plan with the buttons above.
lapor-summary-action-plan = { $indicator } — action plan: { $plan }
lapor-output-fraction = Note: e-Kinerja takes whole numbers only. This output is exported as { $whole }, with "({ $exact } { $unit })" added at the end of the description.
command-unduh = Download daily progress (e-Kinerja)
unduh-queued = Your { $month } daily progress file for e-Kinerja is being prepared and will be sent here shortly.
unduh-already-queued = Your { $month } daily progress file is already being prepared; please wait a moment.
unduh-bad-month = That month was not understood. Type /download for this month ({ $month }), or /download YEAR-MONTH, e.g. /download 2026-11.
unduh-future = That month has not come yet. Type /download for this month ({ $month }).
unduh-none = No approved reports in { $month }, so there is no file for e-Kinerja.
unduh-caption = Daily progress for { $month } ({ $count } activities), in e-Kinerja's import columns.
unduh-no-links = The Bukti Dukung column is empty: Lapkin's public address (PUBLIC_URL) has not been set by the admin.
# --- oversight: continuous feedback, assessment team, /kalibrasi, /rekap ---
command-umpanbalik = Continuous feedback to a subordinate
command-kalibrasi = Calibrate a unit's ratings (assessment team)
command-rekap = Award and coaching candidates
feedback-button = 💬 Feedback
feedback-not-supervisor = Continuous feedback is given by a supervisor to their direct subordinates.
feedback-not-found = None of your direct subordinates has the NIP or name "{ $query }".
feedback-choose = Who is this feedback for? Pick a subordinate, or type /feedback &lt;NIP or name&gt;.
feedback-not-subordinate = This employee is not your direct subordinate.
feedback-ask-note = Write your feedback for { $name } ({ $min }–{ $max } characters). Type /cancel to stop.
feedback-too-short = Too short: write at least { $min } characters.
feedback-too-long = Too long ({ $length } characters): at most { $max } characters.
feedback-cancelled = Stopped; nothing was sent.
feedback-sent = ✅ Feedback sent and recorded for this period.
feedback-notice =
    💬 Feedback from { $by }:
    { $text }
feedback-button-reply = ↩️ Reply
feedback-ask-reply = Write your reply (once, at most { $max } characters).
feedback-reply-sent = ✅ Your reply was sent.
feedback-reply-already = You have already replied to this feedback.
feedback-unknown = This feedback is not known.
feedback-reply-notice =
    ↩️ { $name } replied to your feedback:
    { $text }
feedback-section = 💬 Continuous feedback, { $period }:
feedback-line = • { $date }, { $by }: { $text }
feedback-line-reply =   ↩️ { $reply }
feedback-none = 💬 No feedback yet this period.
menu-commands-team =
    /calibrate — calibrate a unit's ratings (assessment team, admins)
    /recap — award candidates and coaching list
calibration-not-member = /calibrate is for members of the assessment team and admins.
calibration-choose-unit = ⚖️ Calibration, { $period }: choose a unit.
calibration-out-of-scope = This unit or evaluation is outside your assessment team's scope.
calibration-conflict = You cannot review this evaluation: conflict of interest (yourself or your own supervisor). This refusal is logged.
calibration-unknown = This button is unknown or no longer valid.
calibration-not-final = This evaluation is not finalised yet.
calibration-member-only = Only an assessment-team member with an employee record can flag an evaluation.
calibration-unit-header = ⚖️ { $unit } — { $period } (organisational result: { $result })
calibration-counts = Evaluations: { $finalised } final, { $draft } draft, { $missing } not started.
calibration-distribution = Predicate distribution:
calibration-distribution-ok = ✅ Within the limits (PermenPANRB 6/2022).
calibration-supervisors = By supervisor (possible leniency first):
calibration-supervisor = • { $name }: { $count } rated, { $top } Very good; team realisation { $realisation }%
calibration-supervisor-lenient = • ⚠️ { $name }: { $count } rated, { $top } Very good; team realisation { $realisation }% — possible leniency
calibration-open-flags = 🚩 Open flags: { $names }
calibration-button-nine-box = 🔲 9-box
calibration-evaluations-page = ⚖️ { $unit } — { $period }: finalised evaluations { $from }–{ $to } of { $total }.
calibration-nine-box-results = Work results
calibration-nine-box-behaviour = Work behaviour
calibration-nine-box-caption = 9-box of { $unit }, { $period }. Tap a cell to see the names.
calibration-cell = Work results { $results } × behaviour { $behaviour }:
calibration-evaluation-header =
    📄 { $name } ({ $nip }) — { $period }
    Rated by { $by }. The realisation the supervisor saw:
calibration-button-flag = 🚩 Flag
calibration-button-close = ✅ Close flag
calibration-button-keep = ✔️ Keep (with a justification)
calibration-button-amend = ✏️ Amend the rating
calibration-button-rate-again = ✏️ Rate again
calibration-ask-reason = Write the reason for the flag ({ $min }–{ $max } characters). The supervisor receives it; the employee does not. Type /cancel to stop.
calibration-ask-justification = Write why the rating stands ({ $min }–{ $max } characters).
calibration-too-short = Too short: write at least { $min } characters.
calibration-too-long = Too long ({ $length } characters): at most { $max } characters.
calibration-cancelled = Stopped; nothing was saved.
calibration-flag-raised = 🚩 Flag recorded and sent to the supervisor.
calibration-flag-not-final = This evaluation is not finalised yet.
calibration-flag-already-open = This evaluation already has a flag that is not closed.
calibration-flag-notice =
    🚩 The assessment team flagged your rating of { $name }:
    { $reason }
    Keep the rating with a justification, or amend it.
calibration-kept = ✔️ The rating of { $name } stands; the assessment team is told.
calibration-kept-notice =
    ✔️ The supervisor kept the rating of { $name }, because:
    { $text }
calibration-reopened = The evaluation of { $name } is reopened for you. Rate again and finalise; the assessment team is told the outcome.
calibration-amended-notice = ✏️ The supervisor amended the rating of { $name } after your flag: { $before } → { $after }. Close the flag in /calibrate.
calibration-answer-unknown = This flag is not known.
calibration-answer-denied = You are not the supervisor who rates this evaluation.
calibration-answer-answered = This flag has already been answered.
calibration-answer-not-final = An admin has reopened this evaluation; answer the flag once it is finalised again.
calibration-close-closed = ✅ Flag closed.
calibration-close-unknown = This flag is not known.
calibration-close-not-yours = Only the team member who raised this flag can close it.
calibration-close-pending = The supervisor is rating again; the flag can be closed once the evaluation is finalised again.
calibration-flag-line = 🚩 Flag by { $by }: { $reason }
calibration-flag-status-OPEN = Status: waiting for the supervisor.
calibration-flag-status-KEPT = Status: rating kept.
calibration-flag-status-AMENDING = Status: being rated again.
calibration-flag-status-AMENDED = Status: rating amended.
calibration-flag-status-CLOSED = Status: closed.
calibration-flag-justification = The supervisor's justification: { $text }
recap-not-allowed = /recap is for unit heads, assessment-team members and admins.
recap-header = 🏅 Recap, { $period } (confidential; do not forward to a group)
recap-awards = Award candidates (predicate Very good, at most { $count }), by realisation of main indicators, then approved reports, then the citizen score of the counters served, then the peers' BerAKHLAK score (1–3):
recap-award-line = { $rank }. { $name } ({ $unit }) — main-indicator realisation { $realisation }%, { $approved } approved reports, citizen score (IKM) { $citizen }, peer score { $peer }
recap-coaching = Coaching list:
recap-coaching-line = • { $name } ({ $unit }): { $reasons }
recap-reason-predicate = predicate { $predicate }
recap-reason-results-below-twice = work results below expectations two periods in a row
recap-reason-low-reporting = reported on only { $reported } of { $expected } working days (fewer than half)
recap-none = (none)
recap-more = … and { $count } more (the whole list is on the web dashboard)
# --- demo ---
demo-title = Lapkin — Demo
demo-subtitle = Try the whole of Lapkin in a browser: pick a role, then talk to the bot as in Telegram.
demo-personas = Roles
demo-role-pegawai = employee
demo-role-atasan = supervisor
demo-role-kepala = head of unit
demo-role-penilai = assessment team
demo-role-admin = admin
demo-role-masyarakat = citizen
demo-role-grup = unit group
demo-not-linked = not linked
demo-placeholder = Write a message…
demo-send = Send
demo-attach = Attach
demo-as-document = Send as a document
demo-samples = Sample photos
demo-caption = Caption (optional)
demo-send-files = Send files
demo-cancel = Cancel
demo-menu = Menu
demo-edited = edited
demo-clock = Demo clock
demo-next-day = Next working day
demo-jobs = Scheduled jobs
demo-run = Run
demo-job-report-reminder = Report reminder
demo-job-report-nudge = Second reminder
demo-job-approval-digest = Approval digest
demo-job-skp-deadlines = SKP deadlines
demo-job-weekly-summary = Group's weekly summary
demo-job-oversight-digest = Assessment team digest
demo-job-complaint-escalation = Citizen complaint escalation
demo-job-peer-round = Peer feedback round
demo-job-command-menus = Command menus after delegations end
demo-job-ran = { $job } ran for { $count } units.
demo-tour = Guided tour
demo-tour-go = Do it
demo-tour-done = ✓ done
demo-tour-invite-title = Link an account from an invite
demo-tour-invite-body = Fajar is not linked yet. Open his invite link: the bot links his Telegram account to his personnel record.
demo-tour-report-title = Report an activity with photos
demo-tour-report-body = As Fajar, type /lapor, answer the questions, attach an evidence photo, then press Submit.
demo-tour-approve-title = Approve as the supervisor
demo-tour-approve-body = Switch to Rina Marlina. Fajar's report card has arrived: approve it with a rating.
demo-tour-skp-title = See /skp move
demo-tour-skp-body = Back to Fajar, open /skp: the approved report adds to his indicator's realisation.
demo-tour-summary-title = Post the weekly summary
demo-tour-summary-body = Run the weekly summary now: the unit's group receives this week's chart.
demo-sending-as = Sending as { $name }
demo-language-switch = Bahasa Indonesia
demo-invite-link = Invite link
demo-failed = Failed: { $reason }
demo-alert-close = Close
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
complaint-note-cancelled = Cancelled; nothing was sent to the citizen.
complaint-note-length = The follow-up note must have 1 to { $max } characters.
complaint-followed-up = The follow-up of complaint { $number } was sent to the citizen.
complaint-done = Complaint { $number } marked done.
complaint-closed = Complaint { $number } is already done; nothing changed.
complaint-remind = ⏰ Complaint { $number } ({ $unit }) has no follow-up yet; it was due { $due }. Please follow it up.
complaint-escalate = ⚠️ Complaint { $number } at { $unit } was not followed up by the head of the unit by { $due }.
summary-ikm = Community satisfaction index this month: { $score } (grade { $band })
# --- demo tour: citizen survey and dashboard ---
demo-tour-survey-title = Rate a service counter as a citizen
demo-tour-survey-body = As the citizen (Warga), open a counter's link (as if scanning the QR code on its poster), then answer the satisfaction survey to the end.
demo-tour-dashboard-title = Open the dashboard
demo-tour-dashboard-body = As Rina Marlina, send /dasbor and open the sign-in link: the web dashboard opens in a new tab.

# --- oversight digest ---
oversight-digest-title = 📋 The evaluation deadline for { $period } is today. For the assessment team to review:
oversight-digest-units = Units whose predicate distribution is outside the allowed spread:
oversight-digest-unit-line = • { $unit }
oversight-digest-flags = Calibration flags not closed after more than { $days } working days:
oversight-digest-flag-line = • #{ $id } { $name } ({ $unit }), since { $since }
oversight-digest-more = … and { $count } more
oversight-digest-hint = Open /calibrate to review.
# --- dashboard: assessment-team scope, award and coaching lists ---
dasbor-recap-title = Awards and coaching — { $period }
dasbor-recap-private = Confidential: for unit heads, the assessment team and admins only; do not forward to a group.
# --- peer feedback (/peers) ---
command-rekan = Peer feedback (BerAKHLAK)
peer-request-round =
    <b>👥 Peer feedback { $period }</b>
    Please give feedback on the BerAKHLAK values of these colleagues. Your answers are confidential: the colleague and their supervisor see only a summary of several colleagues, without names.
    { $names }
    Open /peers to start.
peer-request-supervisor =
    <b>👥 Peer feedback { $period }</b>
    Your supervisor asks for feedback on the BerAKHLAK values of these colleagues. Your answers are confidential: the colleague and their supervisor see only a summary of several colleagues, without names.
    { $names }
    Open /peers to start.
peer-open = <b>👥 Peer feedback</b>: { $count } requests wait for your answer. Choose a colleague, or pick another one yourself.
peer-none-open = <b>👥 Peer feedback</b>: no requests are waiting. You may pick a colleague to give feedback to.
peer-button-pick = ➕ Pick a colleague
peer-pick = Pick a colleague of your unit to give feedback to:
peer-pick-none = There is no other colleague you can give feedback to this period.
peer-not-allowed = You cannot give peer feedback to this employee (yourself, your supervisor, your subordinate, or not a colleague of your unit).
peer-unknown = This feedback request is not recognised.
peer-closed = This feedback request has been answered or is closed.
peer-ask-not-supervisor = Only a supervisor can ask their team for peer feedback.
peer-asked = ✅ { $count } peer-feedback requests for { $period } opened for your team; the team has been told.
peer-ask-value = Feedback for <b>{ $name }</b> ({ $n }/{ $of }): <b>{ $value }</b>
peer-answer-A = Above expectations
peer-answer-M = Meets expectations
peer-answer-B = Below expectations
peer-answer-X = Don't know
peer-ask-note = Thank you. Add a short note (at most { $max } characters)? Your colleague's supervisor reads it without your name. Type it now, or press Skip.
peer-button-skip-note = Skip
peer-note-too-long = Too long ({ $length } characters): at most { $max } characters.
peer-note-saved = ✅ Note saved. Thank you for your feedback.
peer-note-skipped = ✅ Your feedback is saved. Thank you.
peer-section = <b>👥 Peer feedback { $period }</b>
peer-summary-header = 👥 Peer feedback on BerAKHLAK, from { $respondents } colleagues:
peer-summary-value = • { $value }: { $above } above, { $meets } meets, { $below } below expectations
peer-summary-notes = Colleagues' notes (without names):
peer-summary-note = – { $note }
peer-summary-hidden = 👥 Peer feedback: not enough to show yet (at least { $min } colleagues), for confidentiality.
# --- import problems ---
# `lapkin import` prints these in English; the dashboard's import page in the viewer's language.
# A problem follows its file and row; the cell's value and the columns keep their names in the file.
import-refused = Import refused: { $problems } { $problems ->
        [one] problem
       *[other] problems
    } in { $files } { $files ->
        [one] file
       *[other] files
    }; nothing was written.
import-path-missing = { $path } does not exist.
import-path-not-importable = { $path } is not a .csv or .xlsx file.
import-folder-empty = { $path } holds no .csv or .xlsx files.
import-deactivate-needs-employees = --deactivate-missing needs an employee file: without one, every employee would be deactivated.
import-problem-in-file = { $file }: { $problem }
import-problem-at-row = { $file }:{ $row }: { $problem }
import-unreadable = cannot be read: { $reason }
import-not-a-workbook = cannot be read: it is not a valid Excel workbook (.xlsx). Save it again from Excel or LibreOffice as .xlsx, or export the sheet as CSV.
import-file-missing = was not found; check its name and folder
import-file-forbidden = may not be read by Lapkin; check the file's permissions
import-file-is-folder = is a folder, not a file
import-number-too-long = the number { $number } is too long for a number cell and lost its last digits; format the column as Text and type it again
import-file-empty = is empty
import-column-repeated = has the column { $columns } more than once
import-layout-unknown = matches no known layout: the first row must name the columns of units ({ $units }), or employees ({ $employees }), or SKP ({ $skp }), or leave ({ $leave }), or policy ({ $policy }), or service counters ({ $counters })
import-layout-incomplete = looks like the { $layout } layout but lacks the column { $columns }
import-layout-units = units
import-layout-employees = employees
import-layout-skp = SKP
import-layout-leave = leave
import-layout-policy = policy
import-layout-counters = service counters
import-missing = missing { $column }
import-not-one-of = { $column } "{ $value }" is not one of { $allowed }
import-leave-kinds = cuti, dinas_luar (or dinas luar, DL)
import-timezone-unknown = time zone "{ $value }" is not one of { $zones } (or WIB, WITA, WIT)
import-working-days-invalid = working days "{ $value }" must be ISO weekdays 1–7 (1 = Monday) written like 1-5, 1-6 or 1,2,3,4,5
import-target-not-a-number = target "{ $value }" is not a number
import-target-not-positive = target { $value } must be greater than 0
import-target-decimals = target { $value } has more than two decimals (write a thousand as 1000)
import-target-too-large = target { $value } is too large
import-period-invalid = periode "{ $value }" is not one of tahunan, Q1–Q4, M01–M12
import-year-invalid = tahun "{ $value }" is not a year like 2026
import-date-invalid = date "{ $value }" is not a date written YYYY-MM-DD or DD/MM/YYYY
import-action-plan-too-long = rencana_aksi "{ $start }…" is over { $max } characters
import-leave-ends-before-start = sampai { $to } is before dari { $from }
import-row-too-many-cells = has more cells than the header has columns: put a value that holds the separator in quotes
import-nip-invalid = { $kind } NIP { $nip }: { $problem }
import-nip-invalid-maybe-pppk = { $kind } NIP { $nip }: { $problem } (if this is a PPPK number, set jenis to PPPK)
import-nip-format = must be exactly 18 digits
import-nip-birth-date = birth date { $birthDate } (digits 1–8) is not a real date
import-nip-start-date = civil-service start { $start } (digits 9–14) is not a real month
import-nip-start-too-early = civil-service start { $start } is less than { $minAge } years after birth on { $birthDate }
import-nip-appointment-year = appointment year { $year } (digits 9–12) is less than { $minAge } years after birth in { $birthYear }
import-nip-sex-digit = digit 15 must be 1 (male) or 2 (female), not { $digit }
import-policy-key-unknown = kunci "{ $value }" is not a policy key (lapkin policy lists them)
import-policy-value-invalid = { $key } "{ $value }" is not { $expected }
import-policy-expected-whole = a whole number from { $min } to { $max }
import-policy-expected-percent = a percentage above 0 and at most 1000
import-policy-expected-yes-no = true or false (ya or tidak)
import-policy-expected-time = a local time HH:mm, like 15:00
import-policy-expected-month-day = a date MM-DD (month first, like 01-31) or DD/MM (like 31/01)
import-policy-expected-one-of = one of { $values }
import-policy-expected-days = whole numbers from 0 to 90 separated by semicolons, like 7;3;1
import-policy-not-above = { $first } ({ $low }) must be at most { $second } ({ $high })
import-policy-not-earlier = { $first } ({ $low }) must be earlier than { $second } ({ $high })
import-duplicate-unit = duplicate unit code { $code } (first at { $firstFile } row { $firstRow })
import-duplicate-employee = duplicate NIP { $nip } (first at { $firstFile } row { $firstRow })
import-duplicate-indicator = duplicate indicator { $code } of NIP { $nip } for { $year } (first at { $firstFile } row { $firstRow })
import-duplicate-leave = duplicate leave of NIP { $nip } from { $from } to { $to } (first at { $firstFile } row { $firstRow })
import-duplicate-policy = duplicate policy key { $key } (first at { $firstFile } row { $firstRow })
import-duplicate-counter = duplicate counter code { $code } (first at { $firstFile } row { $firstRow })
import-parent-unknown = induk { $code } is not a unit in the unit files or the database
import-unit-own-parent = unit { $code } is its own induk
import-unit-cycle = units form a cycle through induk: { $cycle }
import-unit-unknown = unit { $code } is not in the unit files or the database
import-assessor-unit-unknown = unit_penilai { $code } is not in the unit files or the database
import-in-column = { $column }: { $problem }
import-nip-unknown = NIP { $nip } is not in the employee files or the database
import-nip-deactivated = NIP { $nip } is not in the employee files and would be deactivated by --deactivate-missing
import-own-supervisor = NIP { $nip } is their own supervisor (nip_atasan)
import-supervisor-cycle = supervisors form a cycle: { $cycle }
