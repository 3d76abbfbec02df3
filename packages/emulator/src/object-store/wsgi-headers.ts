import { withHeaders } from "../request-body";

/**
 * Swift runs under WSGI, which stores each request header as
 * `HTTP_<NAME>` with `-` turned into `_`; Swift rebuilds the name with
 * dashes. So `X-Object-Meta-My_Key` reaches Swift as `X-Object-Meta-My-Key`,
 * and two spellings of one name arrive joined by "," (in request order there;
 * in header-name order here, the only order a Fetch `Headers` keeps).
 */
export function foldWsgiHeaderNames(request: Request): Request {
  let underscored = false;
  request.headers.forEach((_value, name) => {
    if (name.includes("_")) underscored = true;
  });
  if (!underscored) return request;
  const folded = new Headers();
  request.headers.forEach((value, name) => {
    const dashed = name.replaceAll("_", "-");
    const earlier = folded.get(dashed);
    folded.set(dashed, earlier === null ? value : `${earlier},${value}`);
  });
  return withHeaders(request, folded);
}
