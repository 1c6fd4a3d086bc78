"""Issue 17 item 10: MBTiles files from outside are checked, never trusted (minzoom 18 with no bounds took
4.7 GB and then the OOM killer; zoom 30/99/-5, a 3-number bounds or text tiles raised tracebacks)."""
import sqlite3
import tracemalloc

import pytest

from app.map_data import tiles_for_view
from geo.basemap import LayerError, MBTiles
from widgets.map.view import MALI

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def mbtiles(path, metadata: dict, tiles=((0, 0, 0, PNG),)):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    con.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    con.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
    con.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", tiles)
    con.commit()
    con.close()
    return path


def test_a_deep_minimum_zoom_without_bounds_draws_nothing_and_costs_nothing(tmp_path):
    mb = MBTiles(mbtiles(tmp_path / "deep.mbtiles", {"minzoom": "18", "maxzoom": "18"}))
    tracemalloc.start()
    assert tiles_for_view(mb, MALI, 1280) == []  # 2^36 tiles would cover the view: zoom in to see them
    assert tracemalloc.get_traced_memory()[1] < 8 << 20
    tracemalloc.stop()
    mb.close()


@pytest.mark.parametrize("metadata, reason", [
    ({"minzoom": "30", "maxzoom": "30"}, "zoom levels 30 to 30"), ({"minzoom": "0", "maxzoom": "99"}, "zoom levels"),
    ({"minzoom": "-5", "maxzoom": "3"}, "zoom levels"), ({"bounds": "1,2,3"}, "four numbers"),
    ({"bounds": "0,0,nan,5"}, "four numbers"), ({"bounds": "10,10,0,0"}, "not a box"), ({"minzoom": "x"}, "x"),
])
def test_impossible_metadata_is_refused_in_one_line(tmp_path, metadata, reason):
    with pytest.raises(LayerError, match=reason):
        MBTiles(mbtiles(tmp_path / "bad.mbtiles", metadata))


def test_a_text_tile_is_no_image(tmp_path):
    mb = MBTiles(mbtiles(tmp_path / "text.mbtiles", {"minzoom": "0", "maxzoom": "0"}, ((0, 0, 0, "not a tile"),)))
    assert mb.tile(0, 0, 0) is None and tiles_for_view(mb, MALI, 1280) == []
    mb.close()
