"""The workshop layer: what brings the pillars together for the room.

Today the home page (:mod:`.apps.beranda`: sign in with a village, resume with a code, pick a
pillar's app). Later the village action plan, the facilitator's live results board and the
district dashboard. The workshop may import the pillars' public APIs; no pillar imports it.
"""
