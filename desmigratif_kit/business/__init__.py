"""Pillar 2, *usaha produktif*: productive businesses for migrant families.

Cost of goods (HPP), price, break-even, packaging and sales channels, a cash-flow plan (see
``README.md`` in this folder for where each part goes). Empty until its issue is built.
"""
