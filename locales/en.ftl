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
