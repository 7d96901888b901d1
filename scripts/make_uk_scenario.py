#!/usr/bin/env python3
"""Writes scenarios/uk.toml: the UK's population as MSOA-sized neighbourhoods in local-authority-
sized regions (docs/scaling.md, "The uk scenario").

    scripts/make_uk_scenario.py > scenarios/uk.toml

Region and nation totals: ONS, "Population estimates for the UK, England, Wales, Scotland and
Northern Ireland: mid-2022" (released 2024; the nine English regions from the mid-2022 England
and Wales estimates, which sum to England's 57,106,398). Real MSOA and local-authority boundaries
are not used (they need the ONS tables of 7,264 MSOAs and 361 local authorities, which this
repository does not carry): each region is cut into neighbourhoods of about 8,000 people (the
mean size of an MSOA in England and Wales, Census 2021: 59.6 M people in 7,264 MSOAs), whose
sizes vary between 5,000 and 11,000 as MSOAs do, and every 24 consecutive neighbourhoods form one
area of about 190,000 people (the mean UK local authority: 67.6 M people in 361). Deterministic:
the same file every time."""
import random

REGIONS = [  # ONS mid-2022 estimates, people
    ("North East", 2683040),
    ("North West", 7516113),
    ("Yorkshire and The Humber", 5541262),
    ("East Midlands", 4934939),
    ("West Midlands", 6021653),
    ("East of England", 6398497),
    ("London", 8866180),
    ("South East", 9379833),
    ("South West", 5764881),
    ("Wales", 3131640),
    ("Scotland", 5447700),
    ("Northern Ireland", 1910543),
]
MEAN, LOW, HIGH, PER_AREA = 8000, 5000, 11000, 24


def neighbourhoods(total, draw):
    """Sizes of round(total / MEAN) neighbourhoods, LOW..HIGH, summing to total exactly."""
    count = max(1, round(total / MEAN))
    raw = [draw.uniform(LOW, HIGH) for _ in range(count)]
    scale = total / sum(raw)
    sizes = [int(r * scale) for r in raw]
    for k in range(total - sum(sizes)):
        sizes[k % count] += 1
    return sizes


def main():
    draw = random.Random(20220630)
    names, sizes, areas = [], [], []
    for region, total in REGIONS:
        part = neighbourhoods(total, draw)
        area_count = max(1, round(len(part) / PER_AREA))
        for k, size in enumerate(part):
            area = k * area_count // len(part) + 1
            names.append(f"{region} {area:02d}-{k + 1:03d}")
            areas.append(f"{region} {area:02d}")
            sizes.append(size)
    total = sum(sizes)
    quote = lambda xs: ", ".join(f'"{x}"' for x in xs)
    print(f"""# The United Kingdom: {total:,} people (ONS mid-2022 estimates) from the default town's census
# marginals, in {len(names):,} neighbourhoods of about 8,000 people (MSOA-sized) grouped into
# {len(set(areas))} local-authority-sized areas within the 12 regions and nations; written by
# scripts/make_uk_scenario.py (sources and method there; docs/scaling.md).
#
# Question: what does a year of ordinary life look like for the whole country, and how would
# one population run across MPI ranks? `wellsim partition scenarios/uk.toml` measures the latter.
# Kin and friends outside a neighbourhood are drawn within its area (network.regions), a share
# network.beyond_region from anywhere in the UK; workplaces are filled within the area.
# What to look for: the town's levels (mean life satisfaction near the ONS 7.45, unemployment
# ~4%), now over {total / 1e6:.1f} M people. Needs about 17 GB of memory
# (250 bytes a person, docs/performance.md), so it fits a 24 GB machine; set-up takes minutes, and
# `--set population.scale=0.01` runs 1% of every neighbourhood.

[run]
name = "uk"
caption = "The United Kingdom: {total / 1e6:.1f} million people in {len(names):,} neighbourhoods and {len(set(areas))} areas."
model = "town"
seed = 20261124
steps = 52

[population]
neighbourhoods = [{quote(names)}]
sizes = [{", ".join(str(s) for s in sizes)}]

[network]
regions = [{quote(areas)}]

[output]
record_every = 13
layout = false""")


main()
