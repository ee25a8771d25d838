"""The home page (*beranda*): welcome, sign in with a village, resume with a code, pick an app.

A village head picks province → kabupaten/kota → kecamatan → desa, or types part of the
village name to filter all 83,762 villages, gives a name, and gets a participant code to
write down. Coming back with the code (typed, or in the URL as ``?kode=…``) restores the
village and lists the saved work. Links to each pillar's apps carry the code along.

What comes first after signing in depends on the role: a *kepala dinas* sees the district
dashboard first, a *fasilitator* the results board and the guide, a *kepala desa* the four
pillars in workshop order and then the village action plan.
"""

from __future__ import annotations

import ipywidgets as widgets

from desmigratif_kit.core import catalog, data, lessons
from desmigratif_kit.core.app import App, LanguageSwitch, esc
from desmigratif_kit.core.i18n import InputError, t
from desmigratif_kit.core.latihan import exercises_with_prefix
from desmigratif_kit.core.store import ROLES, format_code
from desmigratif_kit.workshop import katalog

# Which administrative level each role signs in with (Kemendagri code level).
ROLE_LEVEL = {"kepala_desa": 4, "kepala_dinas": 2, "fasilitator": 0}
LEVEL_KEYS = {1: "home.province", 2: "home.kabupaten", 3: "home.kecamatan", 4: "home.desa"}
SEARCH_MIN_CHARS = 3
SEARCH_LIMIT = 20


class HomeApp(App):
    """The home App. ``HomeApp(kode="ABC234")`` opens signed in, as after ``?kode=ABC234``."""

    app_id = "beranda"
    home_href = None

    def __init__(self, kode: str | None = None, store=None):
        super().__init__(kode=kode, store=store)
        self._quiet = False  # True while the cascade is set programmatically
        self._create_header()
        self._create_signup()
        self._create_resume()
        self._create_signed_in()
        self._create_pillars()
        self.body = widgets.VBox()
        self._finish([self.header, self.first, self.body, self.message, self.pillars, self.after])
        self.redraw()
        self._show_state()

    def restore(self) -> None:
        """Signed in (``open``): the welcome, the saved work and the links with the code."""
        self._signed_in_changed()

    # --- building -------------------------------------------------------------------------
    def _create_header(self) -> None:
        self.title = widgets.HTML()
        self.lang = LanguageSwitch()
        self.intro = widgets.HTML()
        self.header = widgets.VBox(
            [widgets.HBox([self.title, self.lang.widget], layout=_wrap_row()), self.intro]
        )

    def _create_signup(self) -> None:
        self.signup_title = widgets.HTML()
        self.role = widgets.ToggleButtons(options=[(r, r) for r in ROLES], value="kepala_desa")
        self.role.style.button_width = "auto"
        self.search = widgets.Text(continuous_update=True, layout=_wide())
        self.matches = widgets.Select(options=[], rows=5, layout=_wide(display="none"))
        self.levels = {
            level: widgets.Dropdown(options=[], layout=_wide()) for level in (1, 2, 3, 4)
        }
        _fill(self.levels[1], data.wilayah_children(None))
        self._enable_levels()
        self.name = widgets.Text(layout=_wide())
        self.register_button = widgets.Button(button_style="primary", icon="check")
        self.on(self.role, self._role_changed)
        self.on(self.search, self._search_changed)
        self.on(self.matches, self._match_chosen)
        for level, dropdown in self.levels.items():
            self.on(dropdown, lambda change, level=level: self._level_changed(level, change))
        self.on_click(self.register_button, self._register)
        self.signup = widgets.VBox(
            [
                self.signup_title,
                self.role,
                self.search,
                self.matches,
                *self.levels.values(),
                self.name,
                self.register_button,
            ]
        )
        self.signup.add_class("dk-card")

    def _create_resume(self) -> None:
        self.resume_title = widgets.HTML()
        self.resume_code = widgets.Text(layout=widgets.Layout(width="14em"))
        self.resume_button = widgets.Button(icon="sign-in")
        self.on_click(self.resume_button, self._resume)
        self.resume_code.on_submit(self.callback(lambda _: self._resume(None)))
        self.resume = widgets.VBox(
            [
                self.resume_title,
                widgets.HBox(
                    [self.resume_code, self.resume_button],
                    layout=widgets.Layout(flex_flow="row wrap", gap="8px"),
                ),
            ]
        )
        self.resume.add_class("dk-card")

    def _create_signed_in(self) -> None:
        self.welcome = widgets.HTML()
        self.switch_button = widgets.Button(icon="user")
        self.on_click(self.switch_button, self._sign_out)
        self.signed_in = widgets.VBox([self.welcome, self.switch_button])
        self.signed_in.add_class("dk-card")

    def _create_pillars(self) -> None:
        self.pillars = widgets.HTML()
        self.first = widgets.HTML()  # by role: what to open before the pillars
        self.after = widgets.HTML()  # and after them

    # --- texts (redrawn when the language changes) ------------------------------------------
    def redraw(self) -> None:
        self.title.value = f"<h1>{esc(t('home.title'))}</h1>"
        self.intro.value = f"<p>{esc(t('home.intro'))}</p>"
        self.signup_title.value = (
            f"<h2>{esc(t('home.new_participant'))}</h2><p>{esc(t('home.choose_role'))}</p>"
        )
        role = self.role.value
        self.role.options = [(t(f"role.{r}"), r) for r in ROLES]
        self.role.value = role
        self.search.description = t("home.search")
        self.search.placeholder = t("home.filter_placeholder")
        self._quiet = True  # relabel "— pilih —" without resetting the levels below
        try:
            for level, dropdown in self.levels.items():
                dropdown.description = t(LEVEL_KEYS[level])
                if dropdown.options:
                    chosen = dropdown.value
                    dropdown.options = [_placeholder(), *dropdown.options[1:]]
                    dropdown.value = chosen
        finally:
            self._quiet = False
        self.name.description = t("home.name")
        self.name.placeholder = t("home.name_placeholder")
        self.register_button.description = t("home.register")
        self.resume_title.value = (
            f"<h2>{esc(t('home.resume_title'))}</h2><p>{esc(t('home.resume'))}</p>"
        )
        self.resume_code.placeholder = t("home.code_placeholder")
        self.resume_button.description = t("home.continue")
        self.switch_button.description = t("home.switch")
        for widget in (self.search, self.name, *self.levels.values()):
            widget.style.description_width = "initial"
        self._role_changed(None)
        self._draw_welcome()
        self._draw_pillars()

    def _show_state(self) -> None:
        self.body.children = [self.signed_in] if self.participant else [self.signup, self.resume]

    def _draw_welcome(self) -> None:
        p = self.participant
        if p is None:
            self.welcome.value = ""
            return
        code = format_code(p.code)
        village = ""
        if p.village_code:
            village = ", ".join(
                esc(nama) for _, nama in reversed(data.wilayah_path(p.village_code))
            )
        saved = self._saved_rows()
        saved_html = (
            "<ul>" + "".join(f"<li>{row}</li>" for row in saved) + "</ul>"
            if saved
            else f"<p class='dk-muted'>{esc(t('home.no_saved_work'))}</p>"
        )
        self.welcome.value = (
            f"<h2>{esc(t('home.welcome_back', name=p.name))}</h2>"
            f"<p>{esc(t(f'role.{p.role}'))}" + (f" · {village}" if village else "") + "</p>"
            f"<p>{esc(t('home.your_code'))}</p>"
            f"<div class='dk-bigcode' data-testid='kode-peserta'>{esc(code)}</div>"
            f"<p>{esc(t('home.write_code'))}</p>"
            f"<p class='dk-muted'>{esc(t('home.resume_link'))} "
            f"<a href='?kode={esc(p.code)}'>?kode={esc(p.code)}</a></p>"
            f"<h3>{esc(t('home.saved_work'))}</h3>{saved_html}"
        )

    def _saved_rows(self) -> list[str]:
        from desmigratif_kit.core.i18n import format_datetime

        rows = []
        for pillar in catalog.PILLARS:
            for entry in pillar.apps:
                saved = self.store.load(self.participant.code, entry.app_id)
                if saved is not None:
                    when = t("home.saved_at", when=format_datetime(saved.saved_at))
                    rows.append(f"{esc(t(entry.judul_key))}: {esc(when)}")
        return rows

    def _draw_pillars(self) -> None:
        """Per pillar, in the order a workshop uses them: the lesson (with the participant's
        progress), then the apps. Every link carries the participant code."""
        kode = self.participant.code if self.participant else None
        cards = []
        for pillar in catalog.PILLARS:
            items = [self._lesson_item(entry, kode) for entry in pillar.lessons]
            items += [self._app_item(entry, kode) for entry in pillar.apps]
            cards.append(
                f"<div class='dk-card'><h3>{pillar.nomor}. {esc(t(pillar.judul_key))}</h3>"
                f"<ul>{''.join(items)}</ul></div>"
            )
        hint = "" if kode else f"<p class='dk-muted'>{esc(t('home.sign_in_to_save'))}</p>"
        role = self.participant.role if self.participant else None
        if role == "kepala_desa":
            hint = f"<p class='dk-muted'>{esc(t('home.workshop_order'))}</p>"
        self.pillars.value = (
            f"<h2>{esc(t('home.pillars'))}</h2>{hint}<div class='dk-pillars'>{''.join(cards)}</div>"
        )
        self._draw_role_cards(role, kode)

    def _draw_role_cards(self, role: str | None, kode: str | None) -> None:
        """By role, the workshop's own pages: the dashboard first for a kepala dinas, the
        board and the guide first for a facilitator, the action plan after the pillars for a
        kepala desa."""
        first = after = ""
        if role == "kepala_dinas":
            first = _role_card(
                "home.for_dinas", "home.for_dinas_intro", [katalog.DASBOR_KABUPATEN], kode
            )
        elif role == "fasilitator":
            first = _role_card(
                "home.for_fasilitator",
                "home.for_fasilitator_intro",
                [katalog.PAPAN_HASIL, katalog.PANDUAN],
                kode,
            )
        elif role == "kepala_desa":
            after = _role_card(
                "home.for_desa_plan", "home.for_desa_plan_intro", [katalog.RENCANA_AKSI], kode
            )
        self.first.value = first
        self.after.value = after

    def _app_item(self, entry, kode: str | None) -> str:
        title = esc(t(entry.judul_key))
        desc = esc(t(entry.ringkasan_key))
        if not entry.available():
            soon = esc(t("home.coming_soon"))
            return f"<li>{title} <span class='dk-soon'>({soon})</span></li>"
        href = esc(catalog.link_for(entry, kode))
        return (
            f"<li><a href='{href}' target='_self'>{title}</a>"
            f" <span class='dk-muted'>{desc}</span></li>"
        )

    def _lesson_item(self, entry, kode: str | None) -> str:
        item = self._app_item(entry, kode)
        if not kode or not entry.available():
            return item
        saved = self.store.load(kode, entry.app_id)
        if saved is None:
            status = t("home.lesson_not_started")
        else:
            done = lessons.progress(saved.data, exercises_with_prefix(entry.prefix))
            status = t("home.lesson_progress", benar=done.benar, total=done.total)
        badge = (
            " <span class='dk-lesson-progress' data-testid='progres-pelajaran'>"
            f"{esc(status)}</span>"
        )
        return item.removesuffix("</li>") + badge + "</li>"

    # --- the village cascade -----------------------------------------------------------------
    def _role_changed(self, change) -> None:
        needed = ROLE_LEVEL[self.role.value]
        for level, dropdown in self.levels.items():
            dropdown.layout.display = None if level <= needed else "none"
        searching = needed == 4
        self.search.layout.display = None if searching else "none"
        self.matches.layout.display = None if searching and self.matches.options else "none"

    def _level_changed(self, level: int, change) -> None:
        if self._quiet:
            return
        self._fill_below(level, change["new"])

    def _fill_below(self, level: int, kode: str | None) -> None:
        for lower in range(level + 1, 5):
            self.levels[lower].options = []
        if kode and level < 4:
            _fill(self.levels[level + 1], data.wilayah_children(kode))
        self._enable_levels()

    def _search_changed(self, change) -> None:
        text = (change["new"] or "").strip()
        if len(text) < SEARCH_MIN_CHARS:
            self.matches.options = []
            self.matches.layout.display = "none"
            return
        parent = next((self.levels[n].value for n in (3, 2, 1) if self.levels[n].value), None)
        found = data.search_desa(text, parent=parent, limit=SEARCH_LIMIT)
        if not len(found) and parent:
            found = data.search_desa(text, parent=None, limit=SEARCH_LIMIT)
        self.matches.options = [(label, kode) for kode, label in _match_labels(found)]
        self.matches.value = None
        self.matches.layout.display = None if self.matches.options else "none"
        if not self.matches.options:
            self.say("info", esc(t("home.no_match", given=text)))
        else:
            self.clear_message()

    def _match_chosen(self, change) -> None:
        if change["new"]:
            self.select_village(change["new"])

    def select_village(self, kode: str) -> None:
        """Set the province → desa dropdowns to the village ``kode`` (and its parents)."""
        path = [k for k, _ in data.wilayah_path(kode)]
        self._quiet = True
        try:
            for level, code in enumerate(path, start=1):
                if level > 1:
                    _fill(self.levels[level], data.wilayah_children(path[level - 2]))
                self.levels[level].value = code
            for lower in range(len(path) + 1, 5):
                self.levels[lower].options = []
        finally:
            self._quiet = False
        self._enable_levels()

    def _enable_levels(self) -> None:
        for dropdown in self.levels.values():
            dropdown.disabled = len(dropdown.options) < 2

    def chosen_area(self) -> str | None:
        """The Kemendagri code the chosen role signs in with (None for a facilitator)."""
        needed = ROLE_LEVEL[self.role.value]
        return (self.levels[needed].value or None) if needed else None

    # --- actions -------------------------------------------------------------------------
    def _register(self, _button) -> None:
        needed = ROLE_LEVEL[self.role.value]
        area = self.chosen_area()
        if needed and not area:
            level = t(LEVEL_KEYS[needed])
            raise InputError(
                "input.required",
                expected="expected.choose_area",
                given="",
                field=level,
                level=level,
            )
        name = self.name.value.strip()
        if not name:
            raise InputError(
                "input.required", expected="expected.name", given=self.name.value, field="home.name"
            )
        self.participant = self.store.register(self.role.value, name, area)
        self._signed_in_changed()
        self.say("ok", esc(t("home.registered", code=format_code(self.participant.code))))

    def _resume(self, _button) -> None:
        participant = self._find_participant(self.resume_code.value)
        if participant is not None:
            self.participant = participant
            self._signed_in_changed()
            self.clear_message()

    def _sign_out(self, _button) -> None:
        self.participant = None
        self.name.value = ""
        self.resume_code.value = ""
        self._signed_in_changed()

    def _signed_in_changed(self) -> None:
        self.bar.show(self.participant)
        self._draw_welcome()
        self._draw_pillars()
        self._show_state()


NONE = ""  # the value of the "— pilih —" entry (a Dropdown shows None as a blank box)


def _role_card(title_key: str, intro_key: str, entries, kode: str | None) -> str:
    items = []
    for entry in entries:
        title = esc(t(entry.judul_key))
        if entry.available():
            href = esc(catalog.link_for(entry, kode))
            testid = f"peran-{esc(entry.app_id)}"
            link = f"<a href='{href}' target='_self' data-testid='{testid}'>{title}</a>"
        else:
            link = f"{title} <span class='dk-soon'>({esc(t('home.coming_soon'))})</span>"
        items.append(f"<li>{link} <span class='dk-muted'>{esc(t(entry.ringkasan_key))}</span></li>")
    return (
        f"<div class='dk-card dk-role-card' data-testid='kartu-peran'>"
        f"<h2>{esc(t(title_key))}</h2><p>{esc(t(intro_key))}</p><ul>{''.join(items)}</ul></div>"
    )


def _placeholder() -> tuple[str, str]:
    return (f"— {t('home.choose')} —", NONE)


def _fill(dropdown: widgets.Dropdown, frame) -> None:
    """Put the areas of ``frame`` in ``dropdown`` after a "— pilih —" entry, and select that."""
    dropdown.options = [_placeholder()] + list(zip(frame["nama"], frame["kode"], strict=True))
    dropdown.index = 0


def _match_labels(found) -> list[tuple[str, str]]:
    """(kode, "Desa, Kecamatan, Kabupaten, Provinsi") for each search result."""
    labels = []
    for kode in found["kode"]:
        names = [nama for _, nama in reversed(data.wilayah_path(kode))]
        labels.append((kode, ", ".join(names)))
    return labels


def _wide(**extra) -> widgets.Layout:
    return widgets.Layout(width="100%", max_width="560px", **extra)


def _wrap_row() -> widgets.Layout:
    return widgets.Layout(
        flex_flow="row wrap", align_items="center", justify_content="space-between"
    )


def preload() -> None:
    """Load what the home page needs before a visitor arrives (runs in a preheated kernel)."""
    data.wilayah_children(None)
    data.search_desa("desa", limit=1)
    for pillar in catalog.PILLARS:  # the lessons' exercises, for the progress beside each lesson
        for entry in pillar.lessons:
            exercises_with_prefix(entry.prefix)
