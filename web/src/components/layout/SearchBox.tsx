import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { HeaderSearchQuery } from '../../gql/graphql.ts';
import { t } from '../../i18n/index.ts';
import { areaPath, usePageGeography } from '../../lib/geography.ts';
import { errorMessage } from '../../lib/loadable.ts';

const headerSearchDocument = graphql(`
  query HeaderSearch($text: String!, $geography: ID) {
    search(text: $text, first: 5, geography: $geography) {
      units {
        code
        name
        district {
          id
          name
        }
        commune {
          id
          name
        }
      }
      officers {
        code
        fullName
        office {
          id
          name
        }
      }
      areas {
        code
        name
        level
        parent {
          id
          name
        }
      }
    }
  }
`);

/** Typing pauses this long before a search is sent: one request per word, not per letter. */
const DEBOUNCE_MS = 250;
/** The server's minimum (SEARCH_TEXT_MIN); fewer characters ask nothing. */
const MIN_CHARACTERS = 2;

type Kind = 'units' | 'officers' | 'areas';

interface Hit {
  kind: Kind;
  code: string;
  name: string;
  /** Where it is: a unit's district (or commune, in a map without districts), an officer's office, an area's parent. */
  place: string | null;
  path: string;
}

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Letters a person typed, as the server counts them (spaces aside). */
const typed = (text: string) => text.replace(/\s+/g, '').length;

/**
 * The header's search: an ARIA combobox whose listbox groups units, officers and areas, each with
 * its code and where it is. Arrow keys move through the options, Enter opens one, Escape closes the
 * list (and, on a phone, the field). Areas are found in the page's map (`?geo=`, or the map of the
 * page's day), so a 2021 page finds 2021's districts. The server finds only what the account may open.
 */
export function SearchBox() {
  const id = useId();
  const listId = `${id}-list`;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  const { geography, ofDay } = usePageGeography(asOf);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // On a phone the field is behind a button; on a wide screen it is always there (CSS decides).
  const [expanded, setExpanded] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const settled = useDebounced(text.trim(), DEBOUNCE_MS);
  const ready = typed(settled) >= MIN_CHARACTERS;
  const [{ data, fetching, error }] = useQuery({
    query: headerSearchDocument,
    variables: { text: settled, geography: geography ?? null },
    pause: !ready || !geography,
  });

  const hits = useMemo(
    () => (data && geography ? hitsOf(data, asOf, geography, ofDay) : []),
    [data, asOf, geography, ofDay],
  );
  // Results of an earlier text stay until the new ones come, but a choice among them starts again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the choice resets when the results change
  useEffect(() => {
    setActive(-1);
  }, [hits]);

  function choose(hit: Hit) {
    setOpen(false);
    setExpanded(false);
    setText('');
    navigate(hit.path);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[active] ?? (hits.length === 1 ? hits[0] : undefined);
      if (open && hit) {
        event.preventDefault();
        choose(hit);
      }
    } else if (event.key === 'Escape') {
      if (open && text) setOpen(false);
      else {
        setText('');
        setExpanded(false);
      }
    } else if (event.key === 'Home' || event.key === 'End') {
      setActive(-1);
    }
  }

  const showList = open && typed(text) > 0;
  const stale = settled !== text.trim();
  const status = !ready
    ? t.search.tooShort
    : error
      ? errorMessage(error)
      : fetching || stale || !data
        ? t.search.searching
        : hits.length === 0
          ? t.search.none(settled)
          : t.search.count(hits.length);

  return (
    <search className={`header-search${expanded ? ' header-search--expanded' : ''}`}>
      <button
        type="button"
        className="header-search__toggle"
        aria-expanded={expanded}
        aria-label={expanded ? t.search.close : t.search.open}
        onClick={() => {
          setExpanded(!expanded);
          if (!expanded) setTimeout(() => input.current?.focus(), 0);
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <div className="header-search__field">
        <label htmlFor={`${id}-input`} className="visually-hidden">
          {t.search.label}
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
          aria-describedby={`${id}-status`}
          autoComplete="off"
          spellCheck={false}
          placeholder={t.search.placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div className="header-search__popup" hidden={!showList}>
          <p id={`${id}-status`} className="header-search__status" aria-live="polite">
            {showList ? status : ''}
          </p>
          <div id={listId} role="listbox" aria-label={t.search.label} className="header-search__list">
            {(['units', 'officers', 'areas'] as const).map((kind) => {
              const group = hits.map((hit, index) => ({ hit, index })).filter(({ hit }) => hit.kind === kind);
              if (group.length === 0) return null;
              return (
                // biome-ignore lint/a11y/useSemanticElements: a listbox's groups are role="group", not fieldsets
                <div key={kind} role="group" aria-labelledby={`${id}-${kind}`}>
                  <div id={`${id}-${kind}`} role="presentation" className="header-search__group">
                    {t.search.groups[kind]}
                  </div>
                  {group.map(({ hit, index }) => (
                    // biome-ignore lint/a11y/useFocusableInteractive: options are reached with the arrow keys from the combobox
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox handles the keys for every option
                    <div
                      key={`${kind}:${hit.code}`}
                      id={`${id}-opt-${index}`}
                      role="option"
                      aria-selected={index === active}
                      className={`header-search__option${index === active ? ' is-active' : ''}`}
                      // Before the input's blur closes the list.
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseEnter={() => setActive(index)}
                      onClick={() => choose(hit)}
                    >
                      <span className="header-search__name">{hit.name}</span>
                      <span className="header-search__meta">
                        <code>{hit.code}</code>
                        {hit.place ? ` · ${hit.place}` : ''}
                      </span>
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </search>
  );
}

/** The options in the order they are listed (units, officers, areas), each with the page it opens. */
function hitsOf(
  data: HeaderSearchQuery,
  asOf: string | null,
  geography: string,
  ofDay: string | undefined,
): Hit[] {
  const day = asOf ? `?asOf=${asOf}` : '';
  const { units, officers, areas } = data.search;
  return [
    ...units.map((u) => ({
      kind: 'units' as const,
      code: u.code,
      name: u.name,
      place: u.district?.name ?? u.commune?.name ?? null,
      path: `/units/${encodeURIComponent(u.code)}${day}`,
    })),
    ...officers.map((o) => ({
      kind: 'officers' as const,
      code: o.code,
      name: o.fullName,
      place: o.office.name,
      path: `/officers/${encodeURIComponent(o.code)}${day}`,
    })),
    ...areas.map((a) => ({
      kind: 'areas' as const,
      code: a.code,
      name: a.name,
      place: a.parent?.name ?? null,
      // Found in the page's map; areaPath names it only when it is not the day's.
      path: areaPath(a.code, geography, asOf, ofDay),
    })),
  ];
}
