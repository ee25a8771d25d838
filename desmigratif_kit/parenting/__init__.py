"""Pillar 3, *community parenting*: shared care and growth monitoring of migrant workers' children.

WHO growth z-scores with the Permenkes 2/2020 categories, the children's roster, the activity
plan (see ``README.md`` in this folder for where each part goes). Empty until its issue is built.
"""
