"""The route risk's widgets: the panel (panel.py) with, per route, its profile strip (profile.py) and the list of
the incidents recorded near it."""
