"""The duties of the register, as the admin and the counsellors meet them: a person's log and
register extracts, the log review with its sample and record, and a participant with protected
personal data seen by a second counsellor."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from harness import DEMO_USERS, Browser, DemoUser
from test_participant_mode import open_active_participant

#: Partille's counsellor: whose read the extract will show (no other test signs in as her).
PETRA = DemoUser("counsellor", "handledare.partille@insjoriket.demo", "Demo-Handl-Partille-26", "/units", "Mina verksamheter")
#: Mölndal's second counsellor: the colleague who is not responsible.
NORA = DemoUser("counsellor", "handledare2.molndal@insjoriket.demo", "Demo-Handl2-Molndal-26", "/units", "Mina verksamheter")


def whole_number(browser: Browser) -> str:
    """The personal identity number on the record, asked for as the counsellor does."""
    browser.find("#reveal-number summary").click()
    return browser.find("#whole-number").text.strip()


def test_admin_makes_a_persons_extracts_and_records_a_log_review(browser: Browser) -> None:
    browser.sign_in(PETRA)
    open_active_participant(browser, "details")
    name = browser.heading
    number = whole_number(browser)
    browser.sign_out()

    browser.sign_in(DEMO_USERS["admin"])
    browser.click("a[href='/admin/extracts']")
    # The log extract: who read the person's record, in words, as the person reads it.
    browser.fill({"log-number": number})
    browser.click("#log-extract ~ form button[value=page]")
    assert browser.heading == f"Loggutdrag: {name}"
    rows = [row.text for row in browser.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert any("Petra Handledare" in row and "Öppnade journalen" in row for row in rows), rows

    # The register extract: everything held, section by section.
    browser.visit("/admin/extracts")
    browser.fill({"register-number": number})
    browser.click("#register-extract ~ form button[value=page]")
    assert browser.heading == f"Registerutdrag: {name}"
    sections = [heading.text for heading in browser.driver.find_elements(By.CSS_SELECTOR, "main section h2")]
    assert "Personuppgifter" in sections and "Vem som har läst eller ändrat uppgifterna" in sections
    assert number in browser.find("main").text

    # A number nobody has is refused beside the field, and stays typed.
    browser.visit("/admin/extracts")
    browser.fill({"register-number": "19790101-0008"})
    browser.click("#register-extract ~ form button[value=page]")
    assert "Det finns ingen deltagare med det numret" in browser.find("#register-number-error").text
    assert browser.find("#register-number").get_attribute("value") == "19790101-0008"

    # The log review: a sample of reads, then the review recorded with its conclusion.
    browser.visit("/admin/log-review")
    browser.click("a[href^='/admin/log-review/sample']")
    assert browser.driver.find_elements(By.CSS_SELECTOR, "#sample tbody tr"), "the reads made above are there to sample"
    browser.click("#record-review ~ form button[type=submit]")
    assert "Fyll i det här fältet." in browser.find("#conclusion-error").text
    assert browser.find(".error-summary a[href='#conclusion']").text
    browser.fill({"conclusion": "Läsningarna i stickprovet hade tjänstebehov."})
    browser.click("#record-review ~ form button[type=submit]")
    assert browser.path == "/admin/log-review"
    assert "registrerad" in browser.find("main .notice").text
    assert "Läsningarna i stickprovet hade tjänstebehov." in browser.find("#reviews ~ table").text

    # The other pages of the duties pass axe as well.
    for path in ("/admin/watch-list", "/admin/retention", "/admin/access-review"):
        browser.visit(path)


def test_a_second_counsellor_sees_a_protected_participant_by_initials_and_without_contact_details(browser: Browser) -> None:
    browser.sign_in(DEMO_USERS["counsellor"])
    record = open_active_participant(browser, "journey")
    assert browser.find("#responsible-counsellor").text == "Hassan Handledare"
    name = browser.heading
    browser.click("#tab-details")
    browser.find("#protection summary").click()
    browser.click("#protection-toggle")
    try:
        assert browser.path == record
        assert browser.find("#protected-badge").text == "Skyddade personuppgifter"
        assert "Skyddade personuppgifter" not in browser.find("#contact-details").text, "the responsible counsellor sees them"
        browser.sign_out()

        browser.sign_in(NORA)
        browser.visit(record + "?tab=details")
        assert "visas bara för den ansvariga handledaren" in browser.find("#contact-details").text
        assert not browser.driver.find_elements(By.CSS_SELECTOR, f"form[action='{record}/contact']")
        unit = browser.find("main a[href^='/units/']").get_attribute("pathname")
        browser.visit(unit)
        # The list is paged: on through its pages to the record.
        while not browser.driver.find_elements(By.CSS_SELECTOR, f"main table a[href='{record}']"):
            browser.click("#page-next")
        listed = browser.find(f"main table a[href='{record}']").text
        initials = " ".join(word[0] + "." for word in name.split())
        assert listed == initials and listed != name

        # A document that leaves the unit asks first, then shows.
        browser.visit(record + "/referrer-summary")
        assert browser.heading == "Personen har skyddade personuppgifter"
        browser.click("#include-protected")
        assert name in browser.find("main").text
    finally:
        # The mark is taken away again, so the other tests meet the demo as it was.
        browser.visit(record + "?tab=details")
        if browser.driver.find_elements(By.ID, "protected-badge"):
            browser.find("#protection summary").click()
            browser.click("#protection-toggle")
