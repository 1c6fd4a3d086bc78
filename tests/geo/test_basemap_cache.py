"""The basemap cache (geo/basemap_cache.py): the GeoPackage's arrays kept in a .npz so a start needs no geopandas;
used only when it was built from this GeoPackage by this version, else computed again (same arrays)."""
import logging
import shutil

import numpy as np
import pytest

from geo import basemap, basemap_cache


@pytest.fixture(scope="module")
def built():
    return basemap_cache.build()


@pytest.fixture
def cache_at(tmp_path, monkeypatch):
    """The cache module reading a copy of the GeoPackage and a cache file in tmp_path."""
    gpkg = tmp_path / "mali_basemap.gpkg"
    shutil.copy(basemap_cache.GPKG, gpkg)
    monkeypatch.setattr(basemap_cache, "GPKG", gpkg)
    monkeypatch.setattr(basemap_cache, "CACHE", tmp_path / "mali_basemap.npz")
    basemap_cache.load.cache_clear()
    yield tmp_path / "mali_basemap.npz"
    basemap_cache.load.cache_clear()


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def test_the_cache_written_is_what_build_computes_and_load_uses_it(cache_at, built, caplog):
    basemap_cache.write(cache_at, basemap_cache.GPKG)
    assert cache_at.stat().st_size < 2_000_000
    with caplog.at_level(logging.WARNING):
        loaded = basemap_cache.load()
    assert same(loaded, built)
    assert caplog.records == []  # the cache was used, nothing computed


def test_a_cache_of_another_basemap_is_not_used(cache_at, built, caplog):
    basemap_cache.write(cache_at, basemap_cache.GPKG)
    with open(basemap_cache.GPKG, "ab") as f:  # the GeoPackage changed since (make basemap): the cache is stale
        f.write(b"\0")
    with caplog.at_level(logging.WARNING):
        loaded = basemap_cache.load()
    assert "built from another basemap" in caplog.text
    assert str(loaded["source_sha256"]) == basemap_cache.sha256(basemap_cache.GPKG)
    assert same({k: v for k, v in loaded.items() if k != "source_sha256"},
                {k: v for k, v in built.items() if k != "source_sha256"})


@pytest.mark.parametrize("content", [None, b"not a numpy file", "pickled"])
def test_a_missing_unreadable_or_pickled_cache_is_not_used(cache_at, built, caplog, content):
    if content == "pickled":  # object arrays need pickle, which load() never allows
        np.savez(cache_at, **dict(built, place_name=np.array(list(built["place_name"]), dtype=object)))
    elif content is not None:
        cache_at.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        loaded = basemap_cache.load()
    assert "not used" in caplog.text
    assert same(loaded, built)


def test_the_readers_give_what_the_geopackage_holds():
    """Regions, places, sources and the focus box read from the cache, checked against the layers themselves."""
    regions = basemap.load_layer("mali_regions")
    assert [(r.code, r.name, r.name_fr) for r in basemap.regions().regions] == \
        [(c, n, f or None) for c, n, f in zip(regions.iso_3166_2, regions.name, regions.name_fr)]
    assert basemap.regions().region_of(16.27, -0.04).code == "ML-7"  # Gao
    assert basemap.regions().bounds_of("ML-7") == pytest.approx(
        tuple(regions[regions.iso_3166_2 == "ML-7"].total_bounds))
    places = basemap.load_layer("places")
    assert basemap.gazetteer().nearest(16.27, -0.04).site_id == "Gao"
    assert len(basemap_cache.load()["place_name"]) == len(places)
    countries = basemap.load_layer("countries")
    assert basemap.focus_bbox() == pytest.approx(tuple(countries[countries.role == "focus"].total_bounds))
    sources = basemap.load_layer("layer_sources")
    assert [s.attribution for s in basemap.layer_sources()] == list(sources.attribution)
