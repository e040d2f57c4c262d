"""The page shell shared by the public and staff sides: layout, navigation, home pages."""
