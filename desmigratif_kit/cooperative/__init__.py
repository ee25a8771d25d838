"""Pillar 4, *koperasi dan keuangan mikro*: cooperatives and microfinance.

Loan schedules (flat, declining, annuity), effective rates, SHU distribution, remittance costs
and plans, KUR for migrant workers, a cooperative ledger (see ``README.md`` in this folder for
where each part goes). Empty until its issue is built.
"""
