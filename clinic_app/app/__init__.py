"""The desktop app's services without Qt: the engine process, its typed messages and the open
case's data. ``clinic_app.ui`` shows and collects; everything it asks for goes through here."""
