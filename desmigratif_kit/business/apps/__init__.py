"""The apps of pillar 2 (ipywidgets), one module each: :mod:`.kalkulator_hpp`,
:mod:`.titik_impas`, :mod:`.rencana_usaha`; :mod:`.common` holds what they share."""
