package de.dormagentwin.live.ingest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON reader every feed uses. Jackson's default limits (numbers of 1,000 digits, strings of 20 MB) would fail a
 * whole page over one absurd value, at every fetch, so a server could block its source for good with one bad
 * observation. The limits here are those of the answer itself ({@link HttpGet#MAX_BODY_BYTES}): the page parses,
 * and the absurd value is one skipped record (a number beyond a double is not finite; a text is too long for the
 * cache). Nesting keeps Jackson's limit: a page nested a thousand deep is no SensorThings answer.
 */
final class FeedJson {
    private FeedJson() {
    }

    static JsonMapper.Builder builder() {
        int longest = (int) HttpGet.MAX_BODY_BYTES;
        return JsonMapper.builder(JsonMapper.builder().build().getFactory().rebuild()
                .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(longest).maxStringLength(longest).build())
                .build());
    }
}
