"""Where each force stands on the hex map: one hexagon a force, placed
roughly where the force lies, each next to most of the forces it borders.

The hexagons are pointy-topped, in rows from the north (row 0) to the
south; every odd row is shifted half a hexagon east ("odd-r" offset
coordinates), so that a hexagon in column ``c`` of row ``r`` touches
columns ``c - 1`` and ``c + 1`` of its own row and, in the rows above and
below, columns ``c - 1`` and ``c`` (even rows) or ``c`` and ``c + 1``
(odd rows). tests/test_map.py checks the layout against the pairs of
forces that share a border. The gap between Wales and Avon and Somerset
is the Bristol Channel.

Each row is (force id, column, row, label), the label the force's common
short form, in at most two lines, to fit its hexagon at print size.
"""

HEXES: tuple[tuple[str, int, int, str], ...] = (
    ("northumbria", 3, 0, "Northumbria"),
    ("cumbria", 2, 1, "Cumbria"),
    ("durham", 3, 1, "Durham"),
    ("lancashire", 2, 2, "Lancs"),
    ("north-yorkshire", 3, 2, "North\nYorks"),
    ("cleveland", 4, 2, "Cleveland"),
    ("merseyside", 1, 3, "Mersey-\nside"),
    ("greater-manchester", 2, 3, "Greater\nManchester"),
    ("west-yorkshire", 3, 3, "West\nYorks"),
    ("south-yorkshire", 4, 3, "South\nYorks"),
    ("north-wales", 1, 4, "North\nWales"),
    ("cheshire", 2, 4, "Cheshire"),
    ("derbyshire", 3, 4, "Derbys"),
    ("nottinghamshire", 4, 4, "Notts"),
    ("humberside", 5, 4, "Humber-\nside"),
    ("dyfed-powys", 0, 5, "Dyfed-\nPowys"),
    ("west-mercia", 1, 5, "West\nMercia"),
    ("staffordshire", 2, 5, "Staffs"),
    ("leicestershire", 3, 5, "Leics"),
    ("lincolnshire", 4, 5, "Lincs"),
    ("norfolk", 5, 5, "Norfolk"),
    ("south-wales", 0, 6, "South\nWales"),
    ("gwent", 1, 6, "Gwent"),
    ("west-midlands", 2, 6, "West\nMids"),
    ("warwickshire", 3, 6, "Warks"),
    ("northamptonshire", 4, 6, "Northants"),
    ("cambridgeshire", 5, 6, "Cambs"),
    ("suffolk", 6, 6, "Suffolk"),
    ("gloucestershire", 2, 7, "Glos"),
    ("thames-valley", 3, 7, "Thames\nValley"),
    ("bedfordshire", 4, 7, "Beds"),
    ("hertfordshire", 5, 7, "Herts"),
    ("essex", 6, 7, "Essex"),
    ("avon-and-somerset", 2, 8, "Avon &\nSomerset"),
    ("wiltshire", 3, 8, "Wilts"),
    ("surrey", 4, 8, "Surrey"),
    ("metropolitan", 5, 8, "Met"),
    ("city-of-london", 6, 8, "City of\nLondon"),
    ("devon-and-cornwall", 0, 9, "Devon &\nCornwall"),
    ("dorset", 1, 9, "Dorset"),
    ("hampshire", 2, 9, "Hants"),
    ("sussex", 3, 9, "Sussex"),
    ("kent", 4, 9, "Kent"),
)
