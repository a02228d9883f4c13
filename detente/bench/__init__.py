"""The article benchmark: renderings of real news as scrapers leave it, and the article-level scorer."""
