"""The Qt interface: main window, canvas, docks and dialogs."""
