// The OWASP API Security ruleset, imported from the installed package (a ruleset named by its package in
// YAML could make Spectral look it up over the network).
import owasp from '@stoplight/spectral-owasp-ruleset';

export default { extends: [owasp] };
